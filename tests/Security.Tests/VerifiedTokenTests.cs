using System.Net;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using Security.Tests.Support;

namespace Security.Tests;

/// <summary>
/// A token validated once is recognised by its text (the gateway reuses tokens, issue #27), but
/// remembering it never widens what is accepted: not past its exp, not in an altered form.
/// </summary>
public sealed class VerifiedTokenTests : IDisposable
{
    private readonly TestTokens _tokens = new();

    [Fact]
    public async Task A_remembered_token_is_accepted_again_until_its_exp_and_then_refused_as_expired()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(_tokens.ConfigurationFor(TestApp.Audience), clock);
        var token = new InternalTokenIssuer(_tokens.Key, _tokens.KeyId, clock).Issue(TestApp.Audience, Guid.CreateVersion7(), [Roles.Admin], InternalCaller.Member(Guid.CreateVersion7()), lifetime: TimeSpan.FromSeconds(30));

        using var first = await app.GetAsync("/catalog", token);
        clock.Now += TimeSpan.FromSeconds(29);
        using var beforeExp = await app.GetAsync("/catalog", token);
        clock.Now += TimeSpan.FromSeconds(7); // past exp and the 5 s skew
        using var afterExp = await app.GetAsync("/catalog", token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beforeExp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterExp.StatusCode);
        Assert.Equal("Internal token refused: expired", app.Logs.Lines.Last(l => l.StartsWith("Internal token refused", StringComparison.Ordinal)).Trim());
    }

    [Fact]
    public async Task An_altered_copy_of_an_accepted_token_is_still_refused()
    {
        await using var app = await TestApp.StartAsync(_tokens.ConfigurationFor(TestApp.Audience));
        var token = _tokens.Mint(TestApp.Audience, Guid.CreateVersion7(), [Roles.Admin]);

        using var genuine = await app.GetAsync("/catalog", token);
        using var tampered = await app.GetAsync("/catalog", ForgedTokens.Tampered(token));
        using var genuineAgain = await app.GetAsync("/catalog", token);

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuineAgain.StatusCode);
    }

    public void Dispose() => _tokens.Dispose();
}
