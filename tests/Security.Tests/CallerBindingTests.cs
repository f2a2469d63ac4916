using System.Security.Claims;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Security.Tests;

public sealed class CallerBindingTests
{
    private static readonly Guid Brand = Guid.CreateVersion7(), Key = Guid.CreateVersion7(), Person = Guid.CreateVersion7();

    [Fact]
    public void Each_kind_fits_its_roles_and_brand()
    {
        Assert.Null(CallerBinding.Violation(InternalCaller.Member(Person, Key), [Roles.Finance], Brand));
        Assert.Null(CallerBinding.Violation(InternalCaller.Machine(Key), [Roles.Partner], Brand));
        Assert.Null(CallerBinding.Violation(InternalCaller.Creator(Person, Key), [Roles.Creator], Brand));
        Assert.Null(CallerBinding.Violation(InternalCaller.Operator, [Roles.Operator], Guid.Empty));
        Assert.Null(CallerBinding.Violation(InternalCaller.SignedIn(Person, "https://login.brand.example/"), [Roles.Finance], Brand));
    }

    [Fact]
    public void A_kind_that_does_not_fit_is_named()
    {
        Assert.Equal("A member's request names the member.", CallerBinding.Violation(new InternalCaller(CallerKinds.Member, Key), [Roles.Admin], Brand));
        Assert.Equal("Only a member's request names a member.", CallerBinding.Violation(new InternalCaller(CallerKinds.Machine, Key, Person), [Roles.Admin], Brand));
        Assert.Equal("A machine or creator calls with a key.", CallerBinding.Violation(new InternalCaller(CallerKinds.Machine), [Roles.Admin], Brand));
        Assert.Equal("The operator role is the operator's alone.", CallerBinding.Violation(InternalCaller.Member(Person, Key), [Roles.Operator], Guid.Empty));
        Assert.Equal("Only the operator acts for no brand.", CallerBinding.Violation(InternalCaller.Member(Person, Key), [Roles.Admin], Guid.Empty));
        Assert.Equal("Unknown caller kind 'person'.", CallerBinding.Violation(new InternalCaller("person", Key), [Roles.Admin], Brand));
        Assert.Equal("Only a creator credential names a creator.", CallerBinding.Violation(new InternalCaller(CallerKinds.Member, Key, Person, Person), [Roles.Admin], Brand));
        Assert.Equal("A member signed in by an identity provider holds no key; the member id stands in for it.",
            CallerBinding.Violation(InternalCaller.Member(Person, Key) with { SignedInWith = "https://login.brand.example/" }, [Roles.Admin], Brand));
    }

    [Fact]
    public void Only_a_member_names_the_creator_they_also_are()
    {
        var creator = Guid.CreateVersion7();

        Assert.Null(CallerBinding.Violation(InternalCaller.Member(Person, Key) with { MemberCreatorId = creator }, [Roles.Finance], Brand));
        Assert.Null(CallerBinding.Violation(InternalCaller.SignedIn(Person, "https://login.brand.example/") with { MemberCreatorId = creator }, [Roles.Finance], Brand));
        Assert.Equal("Only a member's request names the creator the member also is.",
            CallerBinding.Violation(InternalCaller.Machine(Key) with { MemberCreatorId = creator }, [Roles.Partner], Brand));
        Assert.Equal("Only a member's request names the creator the member also is.",
            CallerBinding.Violation(InternalCaller.Creator(creator, Key) with { MemberCreatorId = creator }, [Roles.Creator], Brand));
        Assert.Equal("The operator role is the operator's alone.",
            CallerBinding.Violation(InternalCaller.Operator with { MemberCreatorId = creator }, [Roles.Admin], Brand));
        Assert.Equal("A member linked to a creator names the creator.",
            CallerBinding.Violation(InternalCaller.Member(Person, Key) with { MemberCreatorId = Guid.Empty }, [Roles.Finance], Brand));
    }

    [Fact]
    public void The_creator_a_member_also_is_survives_the_token_and_the_principal()
    {
        var member = InternalCaller.Member(Person, Key, DateTimeOffset.UnixEpoch.AddDays(1)) with { MemberCreatorId = Guid.CreateVersion7() };
        var machine = InternalCaller.Machine(Key, DateTimeOffset.UnixEpoch.AddDays(1));
        using var tokens = new TestTokens();

        var read = InternalCallerClaims.Read(new JsonWebToken(tokens.Mint("ambassadornet-creators", Brand, [Roles.Finance], member)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(InternalCallerClaims.ToClaims(member)));
        var machinePrincipal = new ClaimsPrincipal(new ClaimsIdentity(InternalCallerClaims.ToClaims(machine)));

        Assert.Equal(member, read.Caller);
        Assert.Null(read.Refusal);
        Assert.Equal(member, InternalCallerClaims.FromClaims(principal));
        Assert.Null(InternalCallerClaims.FromClaims(machinePrincipal)!.MemberCreatorId);
    }

    [Fact]
    public void A_machine_answers_to_whoever_answers_for_its_key_or_to_itself()
    {
        Assert.Equal(Person, InternalCaller.Machine(Key, keyIssuedBy: Person).AnswerableParty);
        Assert.Equal(Key, InternalCaller.Machine(Key).AnswerableParty);
        Assert.Equal(Person, InternalCaller.Member(Person, Key, keyIssuedBy: Guid.CreateVersion7()).AnswerableParty);
        Assert.Null(InternalCaller.Operator.AnswerableParty);
    }
}
