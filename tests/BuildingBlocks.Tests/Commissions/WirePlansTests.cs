using System.Text.Json;
using AmbassadorNet.Commissions;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Persistence.Conventions;

namespace BuildingBlocks.Tests.Commissions;

/// <summary>Plans cross the wire and the database as they always have: the kind a snake_case string, the same members.</summary>
public sealed class WirePlansTests
{
    private static readonly Plan Tiered = new(PlanKind.Tiered, null, null, [new PlanTier(1, 10m, null), new PlanTier(21, null, 12m)]);

    [Theory]
    [InlineData(PlanKind.Percent, "percent")]
    [InlineData(PlanKind.Flat, "flat")]
    [InlineData(PlanKind.Tiered, "tiered")]
    public void Each_kind_travels_as_its_snake_case_name_and_comes_back_typed(PlanKind kind, string name)
    {
        var plan = new Plan(kind, 12.5m, 3m, [new PlanTier(1, 5m, null)]);

        var wire = WirePlans.ToWire(plan);

        Assert.Equal(name, wire.Kind);
        Assert.Equal(Json(plan), Json(WirePlans.FromWire(wire)));
    }

    [Fact]
    public void A_typed_plan_is_stored_as_the_same_json_as_the_event_plan_and_reads_back_from_it()
    {
        var wire = new CommissionPlan("tiered", null, null, [new CommissionTier(1, 10m, null), new CommissionTier(21, null, 12m)]);
        var storedFromEvent = JsonSerializer.Serialize(wire, JsonColumn.Options);

        Assert.Equal(storedFromEvent, JsonSerializer.Serialize(Tiered, JsonColumn.Options));
        Assert.Equal(Json(Tiered), Json(JsonSerializer.Deserialize<Plan>(storedFromEvent, JsonColumn.Options)!));
    }

    [Fact]
    public void An_unknown_kind_is_refused_where_it_enters() =>
        Assert.Throws<FormatException>(() => WirePlans.FromWire(new CommissionPlan("bonus", 10m, null, [])));

    // Records holding lists compare lists by reference: compare what they serialise to.
    private static string Json(Plan plan) => JsonSerializer.Serialize(plan, JsonColumn.Options);
}
