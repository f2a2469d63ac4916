using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Commissions;

/// <summary>
/// A plan as the events carry it (<see cref="CommissionPlan"/>, the kind a snake_case string that
/// partners read) and back. Events in queues and kept logs already hold that shape, so it stays;
/// services turn it into a typed <see cref="Plan"/> where it enters and leave strings at the edge.
/// </summary>
public static class WirePlans
{
    public static CommissionPlan ToWire(Plan plan) => new(
        KindName(plan.Kind), plan.Percent, plan.FlatAmount, plan.Tiers.Select(t => new CommissionTier(t.FromRank, t.Percent, t.Amount)).ToList());

    /// <exception cref="FormatException">The kind is none of "percent", "flat", "tiered".</exception>
    public static Plan FromWire(CommissionPlan plan) => new(
        SnakeCaseEnums.Parse<PlanKind>(plan.Kind), plan.Percent, plan.FlatAmount, plan.Tiers.Select(t => new PlanTier(t.FromRank, t.Percent, t.Amount)).ToList());

    /// <summary>"percent", "flat" or "tiered": the kind as events and stored rows spell it.</summary>
    public static string KindName(PlanKind kind) => SnakeCaseEnums.Name(kind);
}
