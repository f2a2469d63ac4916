using System.Globalization;

namespace Reliability.Tests.Money;

public enum OrderKind
{
    /// <summary>No promo code and no click: unattributed.</summary>
    NoCode,

    /// <summary>A promo code no one holds: unattributed.</summary>
    UnknownCode,

    /// <summary>The enrollment's promo code.</summary>
    PromoCode,

    /// <summary>A click on the enrollment's link made at the start of the phase.</summary>
    Click,
}

/// <summary>An order of the plan; <see cref="Enrollment"/> is the index of the shop's enrollment it should be attributed to.</summary>
public sealed record PlannedOrder(string Id, OrderKind Kind, int? Enrollment, decimal Amount, DateTimeOffset OrderedAt)
{
    /// <summary>For a click order: which of the phase's clicks it follows.</summary>
    public int ClickIndex { get; init; } = -1;
}

/// <summary>A refund of <see cref="Share"/> of what is left of the order, or all of it when <see cref="Share"/> is 1.</summary>
public sealed record PlannedRefund(string OrderId, string RefundId, decimal Share);

public sealed record Phase(IReadOnlyList<int> Clicks, IReadOnlyList<PlannedOrder> Orders, IReadOnlyList<PlannedRefund> Refunds);

/// <summary>
/// The simulation's random orders, refunds and clicks, drawn from a seed (<c>AMB_SIM_SEED</c>) so a
/// failing run can be replayed: the same seed and size give the same plan. Order times are spread over
/// the last 120 days and never within two hours of their holding period's end, so whether an accrual
/// is due does not depend on how long the run takes.
/// </summary>
public static class SimulationPlan
{
    public static int Seed => Setting("AMB_SIM_SEED", 20261122);

    public static int OrderCount => Setting("AMB_SIM_ORDERS", 400);

    public static int PhaseCount => Setting("AMB_SIM_PHASES", 3);

    public static IReadOnlyList<Phase> Draw(int seed, int orders, int phases, IReadOnlyList<Enrollment> enrollments, DateTimeOffset now)
    {
        var random = new Random(seed);
        var plan = new List<Phase>();
        var posted = new List<PlannedOrder>();
        var perPhase = orders / phases;
        for (var p = 0; p < phases; p++)
        {
            var clicks = Enumerable.Range(0, Math.Max(10, perPhase / 20)).Select(_ => random.Next(enrollments.Count)).ToList();
            var unusedClicks = new Queue<int>(Enumerable.Range(0, clicks.Count));
            var phaseOrders = new List<PlannedOrder>();
            for (var i = 0; i < (p == phases - 1 ? orders - (perPhase * (phases - 1)) : perPhase); i++)
            {
                var id = $"sim-{p}-{i}";
                var amount = random.Next(100, 50_001) / 100m;
                var roll = random.NextDouble();
                PlannedOrder order;
                if (roll < 0.07)
                {
                    order = new PlannedOrder(id, OrderKind.NoCode, null, amount, Past(random, now, null));
                }
                else if (roll < 0.12)
                {
                    order = new PlannedOrder(id, OrderKind.UnknownCode, null, amount, Past(random, now, null));
                }
                else if (roll < 0.17 && unusedClicks.Count > 0)
                {
                    // The click's time is only known when it is made; the order follows it.
                    var click = unusedClicks.Dequeue();
                    order = new PlannedOrder(id, OrderKind.Click, clicks[click], amount, default) { ClickIndex = click };
                }
                else
                {
                    var enrollment = random.Next(enrollments.Count);
                    order = new PlannedOrder(id, OrderKind.PromoCode, enrollment, amount, Past(random, now, enrollments[enrollment].Campaign.HoldingPeriodDays));
                }

                phaseOrders.Add(order);
            }

            posted.AddRange(phaseOrders);
            var refunds = new List<PlannedRefund>();
            foreach (var order in posted.Where(_ => random.NextDouble() < 0.12))
            {
                var share = random.NextDouble() switch
                {
                    < 0.3 => 1m,
                    var r => Math.Round((decimal)(0.1 + (r * 0.6)), 2),
                };
                refunds.Add(new PlannedRefund(order.Id, $"refund-{p}-{refunds.Count}", share));
            }

            plan.Add(new Phase(clicks, phaseOrders, refunds));
        }

        return plan;
    }

    public static string Describe(int seed, int orders, int phases) =>
        string.Create(CultureInfo.InvariantCulture, $"seed {seed}, {orders} orders in {phases} phases (AMB_SIM_SEED, AMB_SIM_ORDERS, AMB_SIM_PHASES)");

    /// <summary>A time in the last 120 days, whole seconds, at least two hours from the end of <paramref name="holdingDays"/>.</summary>
    private static DateTimeOffset Past(Random random, DateTimeOffset now, int? holdingDays)
    {
        while (true)
        {
            var at = now.AddSeconds(-random.Next(3_600, 120 * 86_400));
            at = new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            if (holdingDays is not { } days || (at.AddDays(days) - now).Duration() > TimeSpan.FromHours(2))
            {
                return at;
            }
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
