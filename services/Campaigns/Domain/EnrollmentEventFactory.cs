using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Campaigns.Domain.Exclusivity;
using static AmbassadorNet.Campaigns.Domain.CampaignEventFactory;

namespace AmbassadorNet.Campaigns.Domain;

/// <summary>Enrollment and deliverable events, each with the aggregate's version and full state.</summary>
public static class EnrollmentEventFactory
{
    public static EnrollmentState State(Enrollment e) => new(
        e.Id, e.CampaignId, e.CreatorId, Name(e.Status), e.CommissionOverride is { } plan ? WirePlans.ToWire(plan) : null, e.OverrideEffectiveFrom);

    public static CreatorInvited Invited(Enrollment e, string? handle) => new(
        e.BrandId, e.UpdatedAt, e.Id, e.Version, State(e), handle, e.ExclusivityConflicts?.Select(ExclusivityEventFactory.State).ToList());

    public static CreatorEnrolled Enrolled(Enrollment e, string? handle) => new(e.BrandId, e.UpdatedAt, e.Id, e.Version, State(e), handle);

    public static EnrollmentTermsChanged TermsChanged(Enrollment e) => new(e.BrandId, e.UpdatedAt, e.Id, e.Version, State(e));

    public static EnrollmentEnded Ended(Enrollment e) => new(e.BrandId, e.UpdatedAt, e.Id, e.Version, State(e), e.EndReason!);

    public static DeliverableState State(Deliverable d) => new(
        d.Id, d.EnrollmentId, d.CampaignId, d.CreatorId, Name(d.Type), d.DueDate, Name(d.Status), d.SubmittedUrl, d.PostId);

    public static DeliverableAssigned Assigned(Deliverable d) => new(d.BrandId, d.UpdatedAt, d.Id, d.Version, State(d));

    public static DeliverableSubmitted Submitted(Deliverable d) => new(d.BrandId, d.UpdatedAt, d.Id, d.Version, State(d));

    public static DeliverableApproved Approved(Deliverable d) => new(
        d.BrandId, d.UpdatedAt, d.Id, d.Version, State(d), d.FeeAmount is { } fee ? new MoneyAmount(fee, d.FeeCurrency!) : null);

    public static DeliverableRevisionRequested RevisionRequested(Deliverable d) => new(d.BrandId, d.UpdatedAt, d.Id, d.Version, State(d), d.ReviewNote);

    public static DeliverableRejected Rejected(Deliverable d) => new(d.BrandId, d.UpdatedAt, d.Id, d.Version, State(d), d.ReviewNote);
}
