namespace AmbassadorNet.Gateway.Api;

/// <summary>The tags of the gateway's own endpoints and what each groups, for its OpenAPI document.</summary>
public static class GatewayTags
{
    public const string Brands = "Brands";
    public const string ApiKeys = "API keys";
    public const string Members = "Members";

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [Brands] = "Brands (tenants) and their first admin key, created by the system operator.",
        [ApiKeys] = "A brand's API keys: the credentials every other operation asks for, with the roles they carry, issued to a member, a machine or a creator.",
        [Members] = "A brand's people: the staff who hold keys or sign in, with the roles they may hold. Only members approve.",
    };
}
