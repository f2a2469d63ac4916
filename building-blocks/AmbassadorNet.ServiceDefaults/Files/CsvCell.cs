namespace AmbassadorNet.ServiceDefaults.Files;

/// <summary>
/// One field of a <see cref="CsvFile"/>: text, which is defused when a spreadsheet would read it as a
/// formula, or a number, written as it is so that a negative amount stays a negative number.
/// </summary>
public readonly record struct CsvCell
{
    /// <summary>
    /// Full-width forms of = + - @, which some spreadsheets fold into the ASCII ones. CsvHelper defuses
    /// the ASCII formula starts itself but takes only ASCII characters, so these are defused here, the
    /// same way (an apostrophe in front, which spreadsheets show as "this cell is text").
    /// </summary>
    private static readonly char[] FullWidthFormulaStarts = ['＝', '＋', '－', '＠'];

    private CsvCell(string? text, decimal? number, string? format) => (Text, Number, Format) = (text, number, format);

    /// <summary>The text of a text cell (null for a number or an empty cell).</summary>
    public string? Text { get; }

    public decimal? Number { get; }

    /// <summary>The .NET format of <see cref="Number"/> ("F2", "0.####"); null writes the decimal as it is, scale included.</summary>
    public string? Format { get; }

    public static CsvCell Empty { get; } = new(null, null, null);

    public static CsvCell Of(string? text) =>
        string.IsNullOrEmpty(text) ? Empty : new(text.IndexOfAny(FullWidthFormulaStarts) == 0 ? "'" + text : text, null, null);

    public static CsvCell Of(decimal number, string? format = null) => new(null, number, format);

    public static implicit operator CsvCell(string? text) => Of(text);

    public static implicit operator CsvCell(Guid id) => Of(id.ToString());

    public static implicit operator CsvCell(Guid? id) => id is { } value ? Of(value.ToString()) : Empty;

    public static implicit operator CsvCell(decimal number) => Of(number);

    public static implicit operator CsvCell(long number) => Of(number);

    public static implicit operator CsvCell(int number) => Of(number);
}
