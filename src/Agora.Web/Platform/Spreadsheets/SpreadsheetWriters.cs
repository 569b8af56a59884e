using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Agora.Web.Platform.Spreadsheets;

/// <summary>How cell values become text in CSV and XLSX files.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// A value a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) gets a leading single
    /// quote, so it is shown as text (OWASP "CSV injection").
    /// </summary>
    public static string Protect(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>The text of a cell: lists joined with "; ", instants in UTC ISO 8601, numbers and flags invariant.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => Protect(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IEnumerable<string> list => Protect(string.Join("; ", list)),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Protect(value.ToString() ?? ""),
    };
}

/// <summary>Writes CSV as RFC 4180 says (CRLF, quotes doubled), UTF-8 with a byte order mark so spreadsheets read it as UTF-8.</summary>
public sealed class CsvSheetWriter(Stream output)
{
    private readonly StringBuilder _pending = new();
    private bool _started;

    public void AddRow(IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) _pending.Append(',');
            first = false;
            AppendField(_pending, SpreadsheetText.Format(cell));
        }
        _pending.Append("\r\n");
    }

    private static void AppendField(StringBuilder sb, string value)
    {
        var quote = value.Length > 0 && (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
        if (!quote)
        {
            sb.Append(value);
            return;
        }
        sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>Sends what was added so far.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (!_started)
        {
            _started = true;
            await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        }
        if (_pending.Length == 0) return;
        var bytes = Encoding.UTF8.GetBytes(_pending.ToString());
        _pending.Clear();
        await output.WriteAsync(bytes, ct);
        await output.FlushAsync(ct);
    }
}

/// <summary>
/// Writes a one-sheet .xlsx workbook (Office Open XML SpreadsheetML) to a stream as it goes: inline strings, numbers,
/// a bold and frozen header row. Only what Excel, LibreOffice and Numbers need; no dependency. The zip is built into a
/// small buffer that <see cref="FlushAsync"/> sends on (the compression streams write synchronously, which a response
/// refuses), so memory holds about one page of rows, never the workbook.
/// </summary>
public sealed class XlsxSheetWriter : IAsyncDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellText = 32767;

    private readonly Stream _output;
    private readonly ChunkStream _buffer = new();
    private readonly ZipArchive _zip;
    private readonly Stream _sheet;
    private readonly StringBuilder _pending = new();
    private int _row;

    private XlsxSheetWriter(Stream output, string sheetName)
    {
        _output = output;
        _zip = new ZipArchive(_buffer, ZipArchiveMode.Create, leaveOpen: true);
        Part("[Content_Types].xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
        Part("_rels/.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        // Style 1 is the bold header.
        Part("xl/styles.xml",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{Main}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""");
        _sheet = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        _pending.Append($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>""");
    }

    public static XlsxSheetWriter Create(Stream output, string sheetName) => new(output, sheetName);

    private void Part(string name, string xml)
    {
        using var s = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        s.Write(Encoding.UTF8.GetBytes(xml));
    }

    /// <summary>Adds a row; the first row added is the header.</summary>
    public void AddRow(IEnumerable<object?> cells)
    {
        _row++;
        var header = _row == 1;
        var r = _row.ToString(CultureInfo.InvariantCulture);
        _pending.Append("<row r=\"").Append(r).Append("\">");
        var column = 0;
        foreach (var cell in cells)
        {
            column++;
            if (cell is null) continue;
            var reference = ColumnName(column) + r;
            if (!header && cell is int or decimal)
            {
                _pending.Append("<c r=\"").Append(reference).Append("\"><v>").Append(((IFormattable)cell).ToString(null, CultureInfo.InvariantCulture)).Append("</v></c>");
                continue;
            }
            var text = SpreadsheetText.Format(cell);
            if (text.Length == 0) continue;
            if (text.Length > MaxCellText) text = text[..MaxCellText];
            _pending.Append("<c r=\"").Append(reference).Append("\" t=\"inlineStr\"").Append(header ? " s=\"1\"" : "")
                .Append("><is><t xml:space=\"preserve\">").Append(Escape(text)).Append("</t></is></c>");
        }
        _pending.Append("</row>");
    }

    /// <summary>Compresses the rows added so far and sends what the zip has written.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Length > 0)
        {
            _sheet.Write(Encoding.UTF8.GetBytes(_pending.ToString()));
            _pending.Clear();
        }
        await _buffer.DrainAsync(_output, ct);
    }

    /// <summary>Ends the sheet and the zip (its central directory) and sends the rest.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Append("</sheetData></worksheet>");
        _sheet.Write(Encoding.UTF8.GetBytes(_pending.ToString()));
        _pending.Clear();
        _sheet.Dispose();
        _zip.Dispose();
        await _buffer.DrainAsync(_output, CancellationToken.None);
    }

    /// <summary>A write-only, forward-only buffer the zip writes into; drained to the real output between pages.</summary>
    private sealed class ChunkStream : Stream
    {
        private readonly MemoryStream _chunk = new();
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written;
        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _chunk.Write(buffer);
            _written += buffer.Length;
        }

        public async Task DrainAsync(Stream output, CancellationToken ct)
        {
            if (_chunk.Length == 0) return;
            await output.WriteAsync(_chunk.GetBuffer().AsMemory(0, (int)_chunk.Length), ct);
            await output.FlushAsync(ct);
            _chunk.SetLength(0);
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>A, B, ... Z, AA, AB, ...</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var rest = (number - 1) % 26;
            name = (char)('A' + rest) + name;
            number = (number - 1) / 26;
        }
        return name;
    }

    /// <summary>XML text with markup escaped and the characters XML 1.0 cannot hold (most control characters) left out.</summary>
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\t' or '\n' or '\r': sb.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        sb.Append(c).Append(value[++i]);
                    }
                    else if (!char.IsSurrogate(c)) sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
