using System.Text;
using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Errors;

namespace Agora.Web.Features.Transfer;

/// <summary>The columns an import understands. Header names match ignoring case, spaces, hyphens and underscores.</summary>
public enum ImportColumn
{
    Title,
    Problem,
    Solution,
    Benefits,
    AuthorEmail,
    Language,
    Origin,
    CareLevel,
    Setting,
    FocusArea,
    Tags,
    WhoBenefits,
    Anonymous,
}

/// <summary>An uploaded CSV file: the name it came with and its bytes.</summary>
public sealed record ImportUpload(string FileName, byte[] Content, bool TooLarge = false);

/// <summary>
/// An import file opened: text checked (UTF-8, not binary, within limits), header read and mapped to idea fields and
/// the campaign's questions. Unknown columns are ignored and listed (an export's id, state, votes... columns are).
/// </summary>
public sealed class ImportSheet
{
    public const int MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 50_000;
    public const int MaxColumns = 200;

    /// <summary>The standard columns with the names they are written as (the first is the documented one).</summary>
    public static readonly IReadOnlyList<(ImportColumn Column, string[] Names)> Columns =
    [
        (ImportColumn.Title, ["title"]),
        (ImportColumn.Problem, ["problem"]),
        (ImportColumn.Solution, ["solution"]),
        (ImportColumn.Benefits, ["benefits"]),
        (ImportColumn.AuthorEmail, ["author email", "email"]),
        (ImportColumn.Language, ["language"]),
        (ImportColumn.Origin, ["origin"]),
        (ImportColumn.CareLevel, ["care level"]),
        (ImportColumn.Setting, ["setting"]),
        (ImportColumn.FocusArea, ["focus area"]),
        (ImportColumn.Tags, ["tags"]),
        (ImportColumn.WhoBenefits, ["who benefits", "beneficiaries"]),
        (ImportColumn.Anonymous, ["anonymous", "anonymous to the public"]),
    ];

    private readonly string _text;
    private readonly char _delimiter;

    private ImportSheet(string text, char delimiter, IReadOnlyList<string> headers)
    {
        _text = text;
        _delimiter = delimiter;
        Headers = headers;
    }

    /// <summary>The header row as written.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Standard column → its index in a record.</summary>
    public IReadOnlyDictionary<ImportColumn, int> Standard { get; private init; } = new Dictionary<ImportColumn, int>();

    /// <summary>Question id → its index in a record.</summary>
    public IReadOnlyDictionary<Guid, int> Questions { get; private init; } = new Dictionary<Guid, int>();

    public IReadOnlyList<string> IgnoredColumns { get; private init; } = [];

    public char Delimiter => _delimiter;

    /// <summary>The header as written for a column, or its documented name when the file does not have it.</summary>
    public string NameOf(ImportColumn column) =>
        Standard.TryGetValue(column, out var i) ? Headers[i].Trim() : Columns.First(c => c.Column == column).Names[0];

    /// <summary>"Title", "title ", "TITLE" and "ti_tle" all read as "title".</summary>
    public static string Normalize(string header) =>
        new(Validator.Clean(header).ToLowerInvariant().Where(c => c is not (' ' or '-' or '_')).ToArray());

    /// <summary>Text of an upload, or null with an error on "file": missing, too large, not UTF-8, binary.</summary>
    public static string? Decode(ImportUpload? upload, Validator v)
    {
        if (upload is { TooLarge: true } || upload?.Content.Length > MaxBytes)
        {
            v.Add("file", "Transfer.FileTooLarge", MaxBytes / (1024 * 1024));
            return null;
        }
        if (upload is null || upload.Content.Length == 0)
        {
            v.Add("file", "Transfer.FileRequired");
            return null;
        }
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(upload.Content);
        }
        catch (DecoderFallbackException)
        {
            v.Add("file", "Transfer.NotUtf8");
            return null;
        }
        // NUL never occurs in a text file: it means a spreadsheet, image or other binary was sent. (Other control
        // characters are reported on their row: the rest of the file may be fine.)
        if (text.Contains('\0'))
        {
            v.Add("file", "Transfer.Binary");
            return null;
        }
        return text;
    }

    /// <summary>Reads the header; null with an error on "file" when it is missing, lacks a title column or repeats a column.</summary>
    public static ImportSheet? Open(string text, IReadOnlyList<CampaignQuestion> questions, Validator v)
    {
        var delimiter = CsvParser.DetectDelimiter(text);
        CsvRecord? header;
        try
        {
            header = new CsvParser(new StringReader(text), delimiter).Read();
        }
        catch (CsvFormatException e)
        {
            v.Add("file", "Transfer.Unterminated", e.Line);
            return null;
        }
        if (header is null)
        {
            v.Add("file", "Transfer.FileRequired");
            return null;
        }
        if (header.Fields.Count > MaxColumns)
        {
            v.Add("file", "Transfer.TooManyColumns", MaxColumns);
            return null;
        }
        var names = Columns.SelectMany(c => c.Names.Select(n => (Key: Normalize(n), c.Column))).ToDictionary(x => x.Key, x => x.Column);
        var labels = new Dictionary<string, Guid>();
        foreach (var q in questions) labels.TryAdd(Normalize(q.Label), q.Id);
        var standard = new Dictionary<ImportColumn, int>();
        var byQuestion = new Dictionary<Guid, int>();
        var ignored = new List<string>();
        var seen = new HashSet<string>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var key = Normalize(header.Fields[i]);
            if (key.Length == 0) continue;
            if (!seen.Add(key))
            {
                v.Add("file", "Transfer.DuplicateColumn", Validator.Clean(header.Fields[i]));
                return null;
            }
            // A question labelled like a standard column is read as the question only if no standard name matches.
            if (names.TryGetValue(key, out var column)) standard[column] = i;
            else if (labels.TryGetValue(key, out var question)) byQuestion[question] = i;
            else ignored.Add(Validator.Clean(header.Fields[i]));
        }
        if (!standard.ContainsKey(ImportColumn.Title))
        {
            v.Add("file", "Transfer.NoTitleColumn");
            return null;
        }
        return new ImportSheet(text, delimiter, header.Fields)
        {
            Standard = standard,
            Questions = byQuestion,
            IgnoredColumns = ignored,
        };
    }

    /// <summary>The data records after the header, blank ones skipped.</summary>
    /// <exception cref="CsvFormatException">A quoted field is not closed.</exception>
    public IEnumerable<CsvRecord> Records()
    {
        var parser = new CsvParser(new StringReader(_text), _delimiter);
        parser.Read();
        while (parser.Read() is { } record) yield return record;
    }

    /// <summary>Counts the records; null with an error on "file" when there are none, too many, or a quote never ends.</summary>
    public int? Count(Validator v)
    {
        var count = 0;
        try
        {
            foreach (var _ in Records())
            {
                if (++count > MaxRows)
                {
                    v.Add("file", "Transfer.TooManyRows", MaxRows);
                    return null;
                }
            }
        }
        catch (CsvFormatException e)
        {
            v.Add("file", "Transfer.Unterminated", e.Line);
            return null;
        }
        if (count == 0)
        {
            v.Add("file", "Transfer.NoRows");
            return null;
        }
        return count;
    }

    /// <summary>A record's value for a column: "" when the record is short or the file lacks the column, null for no column.</summary>
    public string? Value(CsvRecord record, ImportColumn column) =>
        Standard.TryGetValue(column, out var i) ? (i < record.Fields.Count ? record.Fields[i] : "") : null;

    public string? Answer(CsvRecord record, Guid questionId) =>
        Questions.TryGetValue(questionId, out var i) ? (i < record.Fields.Count ? record.Fields[i] : "") : null;
}
