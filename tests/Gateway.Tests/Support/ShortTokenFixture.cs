namespace Gateway.Tests.Support;

/// <summary>Internal tokens of six seconds, so a test can outlast the two seconds a token is reused for.</summary>
public sealed class ShortTokenFixture : GatewayFixture
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(6);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Gateway:SigningKey:TokenLifetime"] = TokenLifetime.ToString(),
    };
}
