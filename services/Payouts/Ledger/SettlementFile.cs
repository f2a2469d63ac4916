using System.Globalization;
using System.Text;

namespace AmbassadorNet.Payouts.Ledger;

/// <summary>One row of a provider's settlement file; <see cref="FileLine"/> counts the header as line 1.</summary>
public sealed record SettlementRow(int FileLine, Guid LineId, string Status, decimal Amount, string Currency, string? ProviderReference, string? FailureReason);

/// <summary>
/// Reads a provider's settlement CSV (RFC 4180, UTF-8, a header row exactly
/// <c>line_id,status,amount,currency,provider_reference,failure_reason</c>). A malformed file is
/// refused whole: a 400 whose errors map names each fault as "line N" or "line N: column".
/// </summary>
public static class SettlementFile
{
    public static readonly string[] Columns = ["line_id", "status", "amount", "currency", "provider_reference", "failure_reason"];

    private const int MaxErrors = 50;

    public static List<SettlementRow> Parse(string text)
    {
        var errors = new FieldErrors();
        var records = Records(text.TrimStart('\uFEFF'), errors);
        if (records.Count == 0 || !records[0].Fields.SequenceEqual(Columns, StringComparer.Ordinal))
        {
            errors.Add("line 1", $"The header must be exactly: {string.Join(',', Columns)}.");
            errors.ThrowIfAny();
        }

        var rows = new List<SettlementRow>();
        var seen = new Dictionary<Guid, int>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (errors.ToDictionary().Count >= MaxErrors)
            {
                break;
            }

            if (fields.Length != Columns.Length)
            {
                errors.Add($"line {line}", $"Expected {Columns.Length} columns, found {fields.Length}.");
                continue;
            }

            if (Row(line, fields, errors) is { } row)
            {
                if (seen.TryGetValue(row.LineId, out var first))
                {
                    errors.Add($"line {line}: line_id", $"Line {row.LineId} already appears on line {first}.");
                    continue;
                }

                seen[row.LineId] = line;
                rows.Add(row);
            }
        }

        errors.ThrowIfAny();
        return rows;
    }

    private static SettlementRow? Row(int line, string[] f, FieldErrors errors)
    {
        var before = errors.ToDictionary().Count;
        string Field(string column) => $"line {line}: {column}";
        errors.Check(Guid.TryParse(f[0], out var lineId), Field("line_id"), "Expected the line id of our export (a UUID).");
        errors.Check(f[1] is "paid" or "failed", Field("status"), "Expected paid or failed.");
        var reported = 0m;
        var amountOk = f[2].Length > 0 && f[2].All(c => char.IsAsciiDigit(c) || c == '.')
            && decimal.TryParse(f[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out reported);
        errors.Check(amountOk, Field("amount"), "Expected a positive decimal number with a dot, e.g. 125.50.");
        errors.CheckWithinMaxAmount(amountOk ? reported : null, Field("amount"));
        errors.Check(Currency.IsValid(f[3]), Field("currency"), "Expected an upper-case ISO 4217 code such as USD.");
        errors.Check(f[1] != "paid" || f[4].Length > 0, Field("provider_reference"), "A paid line needs the provider's reference.");
        errors.Check(f[4].Length <= 200, Field("provider_reference"), "At most 200 characters.");
        errors.Check(f[5].Length <= 500, Field("failure_reason"), "At most 500 characters.");
        if (errors.ToDictionary().Count > before)
        {
            return null;
        }

        return new SettlementRow(line, lineId, f[1], reported, f[3], f[4].Length == 0 ? null : f[4], f[5].Length == 0 ? null : f[5]);
    }

    /// <summary>RFC 4180 records with the line each starts on; quoted fields may hold commas, quotes ("") and line breaks. Blank lines are skipped.</summary>
    private static List<(int Line, string[] Fields)> Records(string text, FieldErrors errors)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted, i) = (1, 1, false, 0);
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    End();
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (quoted)
        {
            errors.Add($"line {start}", "A quoted field is not closed.");
            errors.ThrowIfAny();
        }

        End();
        return records;

        void End()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (!(fields.Count == 1 && fields[0].Length == 0))
            {
                records.Add((start, fields.ToArray()));
            }

            fields.Clear();
        }
    }
}
