using System.Text;

namespace Agora.Web.Features.Transfer;

/// <summary>One record of a CSV file and the line it starts on (1 is the header), as people see it in an editor.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A quoted field that never ends: everything after it would be one value.</summary>
public sealed class CsvFormatException(int line) : Exception($"Unterminated quoted field starting on line {line}.")
{
    public int Line { get; } = line;
}

/// <summary>
/// Reads CSV as RFC 4180 describes it: fields in double quotes may hold the delimiter, quotes (doubled) and line
/// breaks; records end with CRLF, LF or CR. Also what spreadsheets write in practice: a byte order mark, semicolons
/// (or tabs) instead of commas, blank lines. Lenient where no data is lost: a quote inside an unquoted field, or
/// text right after a closing quote, is kept as written.
/// </summary>
public sealed class CsvParser
{
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly char[] _buffer = new char[16 * 1024];
    private int _length;
    private int _position;
    private int _line = 1;
    private bool _started;

    public CsvParser(TextReader reader, char delimiter)
    {
        _reader = reader;
        _delimiter = delimiter;
    }

    public char Delimiter => _delimiter;

    /// <summary>
    /// The delimiter of a file, judged from its first record (the header): whichever of comma, semicolon and tab
    /// occurs most outside quotes; a comma when none does.
    /// </summary>
    public static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text.AsSpan(text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0))
        {
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c is '\r' or '\n') break;
            else if (c == ',') commas++;
            else if (c == ';') semicolons++;
            else if (c == '\t') tabs++;
        }
        if (semicolons > commas && semicolons >= tabs) return ';';
        if (tabs > commas && tabs > semicolons) return '\t';
        return ',';
    }

    /// <summary>All records of <paramref name="text"/>, skipping blank ones (no text in any field).</summary>
    public static IEnumerable<CsvRecord> ReadAll(string text, char? delimiter = null)
    {
        var parser = new CsvParser(new StringReader(text), delimiter ?? DetectDelimiter(text));
        while (parser.Read() is { } record) yield return record;
    }

    /// <summary>The next record that is not blank, or null at the end.</summary>
    /// <exception cref="CsvFormatException">A quoted field is not closed before the end of the file.</exception>
    public CsvRecord? Read()
    {
        while (true)
        {
            if (!Fill()) return null;
            var start = _line;
            var fields = ReadRecord();
            if (fields.Any(f => !string.IsNullOrWhiteSpace(f))) return new CsvRecord(start, fields);
        }
    }

    private List<string> ReadRecord()
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            // One field: quoted or not.
            field.Clear();
            if (Peek() == '"')
            {
                var quoteLine = _line;
                _position++;
                while (true)
                {
                    var c = Next();
                    if (c < 0) throw new CsvFormatException(quoteLine);
                    if (c == '"')
                    {
                        if (Peek() == '"')
                        {
                            _position++;
                            field.Append('"');
                            continue;
                        }
                        break;
                    }
                    if (c == '\r')
                    {
                        // A line break inside quotes is part of the value; CRLF becomes one break as written.
                        if (Peek() == '\n')
                        {
                            _position++;
                            field.Append("\r\n");
                        }
                        else field.Append('\r');
                        _line++;
                        continue;
                    }
                    if (c == '\n') _line++;
                    field.Append((char)c);
                }
            }
            // Unquoted text, or what follows a closing quote, up to the delimiter or the end of the record.
            while (true)
            {
                var c = Peek();
                if (c < 0)
                {
                    fields.Add(field.ToString());
                    return fields;
                }
                if (c == _delimiter)
                {
                    _position++;
                    fields.Add(field.ToString());
                    break;
                }
                if (c is '\r' or '\n')
                {
                    _position++;
                    if (c == '\r' && Peek() == '\n') _position++;
                    _line++;
                    fields.Add(field.ToString());
                    return fields;
                }
                _position++;
                field.Append((char)c);
            }
        }
    }

    private int Peek() => Fill() ? _buffer[_position] : -1;

    private int Next()
    {
        if (!Fill()) return -1;
        return _buffer[_position++];
    }

    private bool Fill()
    {
        if (_position < _length) return true;
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        if (!_started)
        {
            _started = true;
            if (_length > 0 && _buffer[0] == '\uFEFF') _position = 1;
            if (_position >= _length) return Fill();
        }
        return _length > 0;
    }
}
