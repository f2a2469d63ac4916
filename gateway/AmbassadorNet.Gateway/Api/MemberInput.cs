using System.Net.Mail;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Gateway.Api;

/// <summary>Checks what a request says about a member and makes the row: one place for the brand's first admin and every later member.</summary>
internal static class MemberInput
{
    public const int MaxNameLength = 200;

    /// <summary>Addresses are kept lower-case: one person is one member however their address is typed.</summary>
    public const int MaxEmailLength = 320;

    public static Member Create(Guid brandId, NewMemberRequest request, InternalCaller createdBy, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            errors["name"] = [$"A name of 1 to {MaxNameLength} characters is required."];
        }

        var email = request.Email?.Trim();
        if (email is not null && (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors["email"] = [$"An email address of at most {MaxEmailLength} characters, like ana@example.com."];
        }

        var roles = RolesOrError(request.Roles, errors);
        return errors.Count > 0 ? throw new RequestValidationException(errors) : new Member
        {
            Id = Ids.New(clock),
            BrandId = brandId,
            Name = name,
            Email = string.IsNullOrEmpty(email) ? null : email.ToLowerInvariant(),
            Roles = roles,
            CreatedAt = Instants.ToMicroseconds(clock.GetUtcNow()),
            CreatedByKeyId = createdBy.KeyId,
            CreatedByMemberId = createdBy.MemberId,
        };
    }

    /// <summary>The roles of a member: one or more of <see cref="Roles.Staff"/>.</summary>
    public static List<string> ValidRoles(IReadOnlyList<string>? requested)
    {
        var errors = new Dictionary<string, string[]>();
        var roles = RolesOrError(requested, errors);
        return errors.Count > 0 ? throw new RequestValidationException(errors) : roles;
    }

    /// <summary>A valid address, lower-cased as members keep them; null for anything else.</summary>
    public static string? NormalizedEmail(string? email)
    {
        var trimmed = email?.Trim();
        return trimmed is { Length: > 0 and <= MaxEmailLength } && MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed
            ? trimmed.ToLowerInvariant()
            : null;
    }

    public static MemberView View(Member member) => new(
        member.Id, member.Name, member.Email, member.Roles, member.ErasedAt is not null ? "erased" : member.DeactivatedAt is null ? "active" : "deactivated",
        member.IdentityIssuer, member.CreatedAt, member.DeactivatedAt, member.ErasedAt, member.CreatorId);

    private static List<string> RolesOrError(IReadOnlyList<string>? requested, Dictionary<string, string[]> errors)
    {
        var roles = requested?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (roles.Count == 0 || roles.Any(r => !Roles.Staff.Contains(r, StringComparer.Ordinal)))
        {
            errors["roles"] = [$"One or more of: {string.Join(", ", Roles.Staff)}."];
        }

        return roles;
    }
}
