using AmbassadorNet.OpenApi;

// dotnet run --project tools/AmbassadorNet.OpenApi [-- <folder>]: rewrites the checked-in contract.
var folder = args.Length > 0 ? args[0] : Path.Combine("docs", "openapi");
Directory.CreateDirectory(folder);
foreach (var (name, content) in await ContractDocuments.GenerateAsync())
{
    await File.WriteAllTextAsync(Path.Combine(folder, name), content);
    Console.WriteLine($"wrote {Path.Combine(folder, name)}");
}
