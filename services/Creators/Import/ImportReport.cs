namespace AmbassadorNet.Creators.Import;

/// <summary>What an import did, row by row. Line numbers count the header as line 1, as a spreadsheet shows them.</summary>
public sealed record ImportReport(string Mode, int Imported, int Rejected, IReadOnlyList<ImportRowResult> Rows);

/// <param name="Status">"imported", "rejected", or "valid" (a good row not imported because another row failed an all-or-nothing import).</param>
public sealed record ImportRowResult(int Line, string Status, Guid? CreatorId, IDictionary<string, string[]>? Errors);
