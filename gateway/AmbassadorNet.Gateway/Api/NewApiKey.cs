using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.Security;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Gateway.Api;

/// <summary>Mints a key: the row to store (hash only) and the one-time view with the secret.</summary>
internal static class NewApiKey
{
    /// <param name="holder">Whom the key is for: a member, a machine or a creator (<see cref="CallerKinds"/>), with the member's or creator's id.</param>
    /// <param name="issuer">Who issues it; the operator for a brand's first key.</param>
    public static (ApiKey Row, IssuedApiKey Issued) Create(
        Guid brandId, string name, IReadOnlyList<string> roles, KeyHolder holder, InternalCaller issuer, TimeProvider clock)
    {
        var secret = ApiKeyFormat.Generate();
        var row = new ApiKey
        {
            Id = Ids.New(clock),
            BrandId = brandId,
            Name = name,
            DisplayPrefix = ApiKeyFormat.DisplayPrefix(secret),
            KeyHash = ApiKeyFormat.Hash(secret),
            Roles = [.. roles],
            Kind = holder.Kind,
            MemberId = holder.MemberId,
            CreatorId = holder.CreatorId,
            CreatedAt = Instants.ToMicroseconds(clock.GetUtcNow()),
            CreatedByKeyId = issuer.KeyId,
            IssuedBy = issuer.AnswerableParty,
        };
        return (row, new IssuedApiKey(row.Id, row.Name, row.DisplayPrefix, row.Roles, row.Kind, row.MemberId, row.CreatorId, row.CreatedAt, secret));
    }

    public static ApiKeyView View(ApiKey key) =>
        new(key.Id, key.Name, key.DisplayPrefix, key.Roles, key.Kind, key.MemberId, key.CreatorId, key.CreatedAt, key.RevokedAt);
}

/// <summary>Whom a key is issued to.</summary>
internal sealed record KeyHolder(string Kind, Guid? MemberId = null, Guid? CreatorId = null)
{
    public static KeyHolder Machine { get; } = new(CallerKinds.Machine);

    public static KeyHolder Member(Guid memberId) => new(CallerKinds.Member, MemberId: memberId);

    public static KeyHolder Creator(Guid creatorId) => new(CallerKinds.Creator, CreatorId: creatorId);
}
