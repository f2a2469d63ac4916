using System.Text;
using CsvHelper;

namespace AmbassadorNet.ServiceDefaults.Files;

/// <summary>
/// Every CSV the system hands out (exports, provider files, reports), written by CsvHelper: RFC 4180
/// with CRLF line ends, UTF-8, a header row. Text cells that start like a spreadsheet formula (= + - @,
/// TAB, CR, or a full-width form) get an apostrophe in front; number cells never do, so a negative
/// amount stays a number a spreadsheet and a provider's import can add up.
/// </summary>
public sealed class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>CsvHelper applies <see cref="CsvInjection.Escape"/> to text only, never to numbers, which are written through the typed overloads.</summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    private readonly MemoryStream _bytes = new();
    private readonly CsvWriter _csv;

    public CsvFile(IEnumerable<string> header)
    {
        _csv = CsvWriter.Create(_bytes, Options, leaveOpen: true);
        _csv.WriteHeader([.. header]);
    }

    public CsvFile Row(params ReadOnlySpan<CsvCell> cells)
    {
        foreach (var cell in cells)
        {
            if (cell.Number is { } number)
            {
                _csv.WriteField(number, cell.Format);
            }
            else
            {
                _csv.WriteField(cell.Text);
            }
        }

        _csv.EndRecord();
        return this;
    }

    public byte[] ToUtf8()
    {
        _csv.Flush();
        return _bytes.ToArray();
    }

    public override string ToString() => Encoding.UTF8.GetString(ToUtf8());
}
