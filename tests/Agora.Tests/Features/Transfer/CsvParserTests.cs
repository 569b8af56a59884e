using Agora.Web.Features.Transfer;

namespace Agora.Tests.Features.Transfer;

/// <summary>The RFC 4180 reader, and the spreadsheet habits it also accepts.</summary>
public sealed class CsvParserTests
{
    private static List<CsvRecord> Read(string text, char? delimiter = null) => CsvParser.ReadAll(text, delimiter).ToList();

    [Fact]
    public void Read_PlainRecords_SplitsFieldsAndNumbersLines()
    {
        var records = Read("title,problem\r\nOne,First\r\nTwo,Second\r\n");
        Assert.Equal(3, records.Count);
        Assert.Equal(["title", "problem"], records[0].Fields);
        Assert.Equal(["Two", "Second"], records[2].Fields);
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_QuotedFields_KeepDelimitersQuotesAndLineBreaks()
    {
        var records = Read("a,b,c\n\"x, y\",\"she said \"\"hi\"\"\",\"line one\nline two\"\nnext,2,3\n");
        Assert.Equal(["x, y", "she said \"hi\"", "line one\nline two"], records[1].Fields);
        // The record after a value with a line break starts two lines later.
        Assert.Equal(4, records[2].Line);
        Assert.Equal(["next", "2", "3"], records[2].Fields);
    }

    [Fact]
    public void Read_CrlfInsideQuotes_KeptAndCountedAsOneLine()
    {
        var records = Read("a,b\r\n\"1\r\n2\r\n3\",x\r\nlast,y");
        Assert.Equal("1\r\n2\r\n3", records[1].Fields[0]);
        Assert.Equal(5, records[2].Line);
        Assert.Equal(["last", "y"], records[2].Fields);
    }

    [Fact]
    public void Read_ByteOrderMark_Skipped()
    {
        var records = Read("\uFEFFtitle;problem\nA;B\n");
        Assert.Equal("title", records[0].Fields[0]);
        Assert.Equal(["A", "B"], records[1].Fields);
    }

    [Theory]
    [InlineData("title,problem;x\n", ',')]
    [InlineData("title;problem;solution\n", ';')]
    [InlineData("title\tproblem\n", '\t')]
    [InlineData("\"a;b\",c\n", ',')]
    [InlineData("title\n", ',')]
    public void DetectDelimiter_FromHeaderOutsideQuotes(string header, char expected) =>
        Assert.Equal(expected, CsvParser.DetectDelimiter(header));

    [Fact]
    public void Read_Semicolons_WithCommasInValues()
    {
        var records = Read("title;problem\n\"A; quoted\";has, commas\n");
        Assert.Equal(["A; quoted", "has, commas"], records[1].Fields);
    }

    [Fact]
    public void Read_BlankLinesAndEmptyRecords_Skipped_LinesStillCounted()
    {
        var records = Read("a,b\n\n,\n  ,\nx,y\n\n");
        Assert.Equal(2, records.Count);
        Assert.Equal(5, records[1].Line);
    }

    [Fact]
    public void Read_EmptyFieldsAndTrailingDelimiter_Kept()
    {
        var records = Read("a,b,c\n1,,\n");
        Assert.Equal(["1", "", ""], records[1].Fields);
    }

    [Fact]
    public void Read_NoFinalLineBreak_LastRecordRead()
    {
        var records = Read("a,b\n1,2");
        Assert.Equal(["1", "2"], records[1].Fields);
    }

    [Fact]
    public void Read_LoneCarriageReturns_EndRecords()
    {
        var records = Read("a,b\r1,2\r3,4");
        Assert.Equal(3, records.Count);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public void Read_StrayQuotes_KeptAsWritten()
    {
        var records = Read("a,b\nsay \"hi\",\"quoted\"tail\n");
        Assert.Equal(["say \"hi\"", "quotedtail"], records[1].Fields);
    }

    [Fact]
    public void Read_UnterminatedQuote_ReportsItsLine()
    {
        var e = Assert.Throws<CsvFormatException>(() => Read("a,b\n1,2\n\"never,ends\n3,4\n"));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Read_LongFieldsAcrossBuffers_Intact()
    {
        var longValue = string.Concat(Enumerable.Repeat("ø, \"q\"\n", 10_000));
        var text = "a,b\n\"" + longValue.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",end\n";
        var records = Read(text);
        Assert.Equal(longValue, records[1].Fields[0]);
        Assert.Equal("end", records[1].Fields[1]);
    }

    [Fact]
    public async Task Writer_RoundTrip_ThroughTheReader()
    {
        using var ms = new MemoryStream();
        var writer = new CsvSheetWriter(ms);
        writer.AddRow(["title", "problem"]);
        writer.AddRow(["a, \"b\"\nc", " padded "]);
        await writer.FlushAsync(CancellationToken.None);
        var bytes = ms.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var records = Read(System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal(["a, \"b\"\nc", " padded "], records[1].Fields);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("-2", "'-2")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("plain", "plain")]
    [InlineData(" =spaced", " =spaced")]
    public void Protect_FormulaStarts_GetAQuote(string value, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Protect(value));

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(52, "AZ")]
    [InlineData(703, "AAA")]
    public void ColumnName_Letters(int number, string expected) => Assert.Equal(expected, XlsxSheetWriter.ColumnName(number));
}
