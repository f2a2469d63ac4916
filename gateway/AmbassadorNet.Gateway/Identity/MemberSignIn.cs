using AmbassadorNet.Gateway.Api;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Identity.Oidc;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.Messaging.Audit;
using AmbassadorNet.Security;
using AmbassadorNet.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Gateway.Identity;

/// <summary>
/// Who a token of a brand's identity provider signs in: the member with that issuer and subject. The first
/// sign-in makes the member (name and email from the token), or links the member the brand's admins already
/// made with that email and no identity yet, but only when the provider says it verified the address
/// (<c>email_verified</c>): an address anyone could type into their profile at the provider must not
/// take over a member the admins made, with the creator that member may be linked to. The provider is
/// the source of a signed-in member's roles: when its groups map onto other roles than the member
/// holds, the member's roles follow (and so do their keys).
/// A deactivated member is refused, whatever the provider says.
/// </summary>
internal sealed class MemberSignIn(IServiceScopeFactory scopes, CredentialCache cache, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>The caller the sign-in makes (with the creator the member is linked to, if any), or null when the member is deactivated.</summary>
    public async Task<InternalCaller?> CallerOfAsync(OidcSignIn signIn, CancellationToken cancellationToken)
    {
        var key = $"member:{signIn.BrandId:N}:{signIn.Issuer}:{signIn.Subject}:{string.Join(',', signIn.Roles)}";
        var known = await cache.RememberAsync(key, token => SignInOnceAsync(signIn, token), cancellationToken);
        return known!.Active ? InternalCaller.SignedIn(known.MemberId, signIn.Issuer) with { MemberCreatorId = known.CreatorId } : null;
    }

    /// <summary>Two first sign-ins of one person at once both try to make the member: the loser reads the winner's.</summary>
    private async Task<SignedIn?> SignInOnceAsync(OidcSignIn signIn, CancellationToken cancellationToken)
    {
        try
        {
            return await SignInAsync(signIn, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return await SignInAsync(signIn, cancellationToken);
        }
    }

    private async Task<SignedIn> SignInAsync(OidcSignIn signIn, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        db.BrandScope.Set(signIn.BrandId);
        var member = await db.Members.FirstOrDefaultAsync(m => m.IdentityIssuer == signIn.Issuer && m.IdentitySubject == signIn.Subject, cancellationToken)
            ?? await LinkOrCreateAsync(db, signIn, cancellationToken);
        if (member.DeactivatedAt is null && !member.Roles.SequenceEqual(signIn.Roles))
        {
            member.Roles = [.. signIn.Roles];
        }

        if (db.ChangeTracker.HasChanges())
        {
            // The request is still being authenticated, so the audit trail is told who this is: the member signing in.
            db.AttributeTo(signIn.BrandId, InternalCaller.SignedIn(member.Id, signIn.Issuer), "SignInWithIdentityProvider", http.HttpContext);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // The member's keys may carry other roles now; every instance forgets what it cached.
            await RevocationListener.NotifyEveryKeyAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new SignedIn(member.Id, member.DeactivatedAt is null, member.CreatorId);
    }

    private async Task<Member> LinkOrCreateAsync(GatewayDbContext db, OidcSignIn signIn, CancellationToken cancellationToken)
    {
        var email = MemberInput.NormalizedEmail(signIn.Email);
        var holder = email is null ? null : await db.Members.FirstOrDefaultAsync(m => m.Email == email, cancellationToken);
        if (holder is { IdentitySubject: null } && signIn.EmailVerified)
        {
            (holder.IdentityIssuer, holder.IdentitySubject) = (signIn.Issuer, signIn.Subject);
            return holder;
        }

        var name = string.IsNullOrWhiteSpace(signIn.Name) ? signIn.Subject : signIn.Name.Trim();
        var member = new Member
        {
            Id = Ids.New(clock), BrandId = signIn.BrandId, Name = name[..Math.Min(name.Length, MemberInput.MaxNameLength)],
            // An address another member holds stays theirs. An unverified one is not kept either: whoever
            // signed in first with it would hold it against the person it belongs to.
            Email = holder is null && signIn.EmailVerified ? email : null, CreatedAt = Instants.ToMicroseconds(clock.GetUtcNow()), Roles = [.. signIn.Roles],
            IdentityIssuer = signIn.Issuer, IdentitySubject = signIn.Subject,
        };
        db.Members.Add(member);

        return member;
    }

    private sealed record SignedIn(Guid MemberId, bool Active, Guid? CreatorId);
}
