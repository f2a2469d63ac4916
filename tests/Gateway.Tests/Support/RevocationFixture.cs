namespace Gateway.Tests.Support;

/// <summary>
/// Two gateway instances on one database with a key cache that would trust a key for five minutes:
/// if the second instance refuses a revoked key sooner, the revocation notification did it.
/// </summary>
public sealed class RevocationFixture : GatewayFixture
{
    private GatewayHost? _second;

    public GatewayHost Second => _second ?? throw new InvalidOperationException("Not started.");

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Gateway:KeyCacheTtl"] = "00:05:00" };

    public async Task StartSecondAsync()
    {
        _second ??= await GatewayHost.StartAsync(SettingsWith(new Dictionary<string, string?>()));
    }

    public override async ValueTask DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
