using System.Net.Http.Json;
using AmbassadorNet.Gateway.Api;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;

namespace Gateway.Tests.Support;

/// <summary>
/// One gateway per test class, on its own database, in front of one real upstream server per service
/// (echo servers unless a subclass starts something else), and a brand with one key per role.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    private readonly List<IUpstream> _upstreams = [];
    private TestDatabase? _database;
    private TestVhost? _vhost;
    private GatewayHost? _gateway;

    public InternalKeyPair SigningKey { get; } = InternalKeys.Generate("gateway-test-key");

    public GatewayHost Gateway => _gateway ?? throw new InvalidOperationException("Not started.");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not started.");

    /// <summary>The broker vhost the gateway's outbox publishes to.</summary>
    public TestVhost Vhost => _vhost ?? throw new InvalidOperationException("Not started.");

    public IReadOnlyDictionary<string, IUpstream> Upstreams { get; private set; } = new Dictionary<string, IUpstream>();

    /// <summary>The test brand and a key with each single role a brand key can have.</summary>
    public Guid BrandId { get; private set; }

    public IReadOnlyDictionary<string, IssuedApiKey> KeysByRole { get; private set; } = new Dictionary<string, IssuedApiKey>();

    public string AdminKey => KeysByRole[Roles.Admin].Key;

    /// <summary>The creator the fixture's creator credential (<c>KeysByRole["creator"]</c>) is bound to.</summary>
    public Guid CreatorId { get; } = Guid.CreateVersion7();

    /// <summary>Settings a subclass adds or overrides (rate limits, cache lifetimes).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected virtual async Task<IUpstream> StartUpstreamAsync(string service) => await EchoUpstream.StartAsync(service);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("gateway", GatewayDbContext.Migrations);
        _vhost = await TestVhost.CreateAsync("gateway");
        var upstreams = new Dictionary<string, IUpstream>();
        foreach (var service in GatewayServices.Proxied)
        {
            upstreams[service] = await StartUpstreamAsync(service);
            _upstreams.Add(upstreams[service]);
        }

        Upstreams = upstreams;
        _gateway = await GatewayHost.StartAsync(SettingsWith(ExtraSettings));
        var brand = await CreateBrandAsync("Test brand");
        BrandId = brand.Brand.Id;
        var keys = new Dictionary<string, IssuedApiKey> { [Roles.Admin] = brand.ApiKey };
        foreach (var role in Roles.All.Except([Roles.Admin, Roles.Operator]))
        {
            // The echo service behind the gateway answers the creators service's "does this creator exist?".
            keys[role] = await CreateKeyAsync(brand.ApiKey.Key, role, [role], role == Roles.Creator ? CreatorId : null);
        }

        KeysByRole = keys;
    }

    /// <summary>The full settings of this fixture's gateway plus <paramref name="overrides"/>, e.g. for a second instance.</summary>
    public Dictionary<string, string?> SettingsWith(IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = GatewayHost.Settings(Database, Vhost, SigningKey, Upstreams.ToDictionary(u => u.Key, u => u.Value.BaseAddress));
        foreach (var (service, upstream) in Upstreams.Where(u => u.Value.GrpcAddress is not null))
        {
            settings[$"Gateway:GrpcServices:{service}"] = upstream.GrpcAddress;
        }

        foreach (var (key, value) in ExtraSettings.Concat(overrides))
        {
            settings[key] = value;
        }

        return settings;
    }

    public async Task<BrandCreated> CreateBrandAsync(string name)
    {
        using var client = Gateway.Client(GatewayHost.OperatorKey);
        var response = await client.PostAsJsonAsync("/api/brands", new CreateBrandRequest(name));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<BrandCreated>())!;
    }

    public async Task<IssuedApiKey> CreateKeyAsync(string adminKey, string name, IReadOnlyList<string> roles, Guid? creatorId = null, Guid? memberId = null)
    {
        using var client = Gateway.Client(adminKey);
        var response = await client.PostAsJsonAsync("/api/api-keys", new CreateApiKeyRequest(name, roles, creatorId, memberId));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedApiKey>())!;
    }

    /// <summary>A new member of the test brand with <paramref name="roles"/>, and a key issued to them by <paramref name="adminKey"/>.</summary>
    public async Task<(MemberView Member, IssuedApiKey Key)> CreateMemberAsync(string adminKey, string name, params string[] roles)
    {
        using var client = Gateway.Client(adminKey);
        var response = await client.PostAsJsonAsync("/api/members", new NewMemberRequest(name, $"{name.Replace(' ', '.')}.{Guid.NewGuid():N}@example.com", roles));
        response.EnsureSuccessStatusCode();
        var member = (await response.Content.ReadFromJsonAsync<MemberView>())!;
        return (member, await CreateKeyAsync(adminKey, $"{name}'s key", roles, memberId: member.Id));
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        foreach (var upstream in _upstreams)
        {
            await upstream.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        SigningKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
