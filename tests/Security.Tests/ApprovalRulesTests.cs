using AmbassadorNet.Security;

namespace Security.Tests;

/// <summary>Who may approve what another requested: the rules of issue #32, one case per way around them.</summary>
public sealed class ApprovalRulesTests
{
    private static readonly DateTimeOffset RequestedAt = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Alice = Guid.CreateVersion7(), Bob = Guid.CreateVersion7(), Carol = Guid.CreateVersion7();
    private static readonly Guid AliceKey = Guid.CreateVersion7(), BobKey = Guid.CreateVersion7(), ShopKey = Guid.CreateVersion7();
    private static readonly DateTimeOffset LastYear = RequestedAt.AddYears(-1);

    private static RecordedCaller AliceRequested => RecordedCaller.Of(InternalCaller.Member(Alice, AliceKey, LastYear, Carol));

    [Fact]
    public void Another_member_with_an_older_key_issued_by_someone_else_approves()
    {
        Assert.Null(ApprovalRules.Check(InternalCaller.Member(Bob, BobKey, LastYear, Carol), AliceRequested, RequestedAt));
    }

    [Fact]
    public void A_member_signed_in_with_the_brands_identity_provider_has_no_key_to_check_and_approves()
    {
        Assert.Null(ApprovalRules.Check(InternalCaller.SignedIn(Bob, "https://login.brand.example/"), AliceRequested, RequestedAt));
    }

    [Fact]
    public void The_requester_cannot_approve_with_the_same_key_or_another_of_their_own()
    {
        Assert.Equal(ApprovalRules.ApproverIsNotRequester, ApprovalRules.Check(InternalCaller.Member(Alice, AliceKey, LastYear, Carol), AliceRequested, RequestedAt)?.Rule);
        Assert.Equal(ApprovalRules.ApproverIsNotRequester, ApprovalRules.Check(InternalCaller.Member(Alice, Guid.CreateVersion7(), LastYear, Carol), AliceRequested, RequestedAt)?.Rule);
        Assert.Equal(ApprovalRules.ApproverIsNotRequester, ApprovalRules.Check(InternalCaller.SignedIn(Alice, "https://login.brand.example/"), AliceRequested, RequestedAt)?.Rule);
    }

    [Fact]
    public void Machines_creators_and_the_operator_never_approve()
    {
        foreach (var caller in new[] { InternalCaller.Machine(ShopKey, LastYear, Carol), InternalCaller.Creator(Guid.CreateVersion7(), ShopKey), InternalCaller.Operator })
        {
            Assert.Equal(ApprovalRules.ApproverIsMember, ApprovalRules.Check(caller, AliceRequested, RequestedAt)?.Rule);
        }
    }

    [Fact]
    public void A_key_issued_at_or_after_the_request_cannot_approve_it()
    {
        Assert.Equal(ApprovalRules.KeyIssuedBeforeRequest, ApprovalRules.Check(InternalCaller.Member(Bob, BobKey, RequestedAt, Carol), AliceRequested, RequestedAt)?.Rule);
        Assert.Equal(ApprovalRules.KeyIssuedBeforeRequest, ApprovalRules.Check(InternalCaller.Member(Bob, BobKey, RequestedAt.AddSeconds(5), Carol), AliceRequested, RequestedAt)?.Rule);
        Assert.Equal(ApprovalRules.KeyIssuedBeforeRequest, ApprovalRules.Check(InternalCaller.Member(Bob, BobKey, null, Carol), AliceRequested, RequestedAt)?.Rule);
    }

    [Fact]
    public void A_key_the_requester_issued_to_a_sock_puppet_before_the_request_cannot_approve_it()
    {
        var puppet = InternalCaller.Member(Guid.CreateVersion7(), Guid.CreateVersion7(), LastYear, keyIssuedBy: Alice);

        Assert.Equal(ApprovalRules.KeyNotIssuedByRequester, ApprovalRules.Check(puppet, AliceRequested, RequestedAt)?.Rule);
    }

    [Fact]
    public void Passing_the_key_through_a_machine_key_the_requester_answers_for_changes_nothing()
    {
        // Alice issued a machine key (it answers to Alice); that machine issued Bob's key, so Bob's key answers to Alice too.
        var machine = InternalCaller.Machine(ShopKey, LastYear, keyIssuedBy: Alice);
        var bobsKey = InternalCaller.Member(Bob, BobKey, LastYear, keyIssuedBy: machine.AnswerableParty);

        Assert.Equal(ApprovalRules.KeyNotIssuedByRequester, ApprovalRules.Check(bobsKey, AliceRequested, RequestedAt)?.Rule);
    }

    [Fact]
    public void What_a_machine_requested_its_answerable_member_cannot_approve_and_neither_can_keys_it_issued()
    {
        var shopRequested = RecordedCaller.Of(InternalCaller.Machine(ShopKey, LastYear, keyIssuedBy: Alice));
        var legacyRequested = RecordedCaller.Of(InternalCaller.Machine(ShopKey, LastYear, keyIssuedBy: null));

        Assert.Equal(ApprovalRules.ApproverIsNotRequester, ApprovalRules.Check(InternalCaller.Member(Alice, AliceKey, LastYear), shopRequested, RequestedAt)?.Rule);
        Assert.Equal(ApprovalRules.KeyNotIssuedByRequester, ApprovalRules.Check(InternalCaller.Member(Bob, BobKey, LastYear, keyIssuedBy: ShopKey), legacyRequested, RequestedAt)?.Rule);
        Assert.Null(ApprovalRules.Check(InternalCaller.Member(Bob, BobKey, LastYear, keyIssuedBy: Carol), shopRequested, RequestedAt));
    }

    [Fact]
    public void A_member_linked_to_a_creator_cannot_approve_a_change_of_that_creators_payee_details_and_others_can()
    {
        var fay = Guid.CreateVersion7();
        var otherCreator = Guid.CreateVersion7();
        var fayTheMember = InternalCaller.Member(Bob, BobKey, LastYear, Carol) with { MemberCreatorId = fay };
        var faySignedIn = InternalCaller.SignedIn(Bob, "https://login.brand.example/") with { MemberCreatorId = fay };

        Assert.Equal(ApprovalRules.ApproverIsNotThePayee, ApprovalRules.CheckPayee(fayTheMember, fay)?.Rule);
        Assert.Equal(ApprovalRules.ApproverIsNotThePayee, ApprovalRules.CheckPayee(faySignedIn, fay)?.Rule);
        Assert.Null(ApprovalRules.CheckPayee(fayTheMember, otherCreator));
        Assert.Null(ApprovalRules.CheckPayee(InternalCaller.Member(Bob, BobKey, LastYear, Carol), fay));
        // The other rules know nothing of payees: the payee rule is checked beside them, where the subject is known.
        Assert.Null(ApprovalRules.Check(fayTheMember, AliceRequested, RequestedAt));
    }
}
