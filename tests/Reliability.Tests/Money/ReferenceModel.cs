namespace Reliability.Tests.Money;

/// <summary>
/// The attribution and ledger rules of docs/services/tracking.md and payouts.md written again as
/// plainly as possible, with no I/O: what each creator should be owed (pending, available) and what
/// each campaign's figures should be, given the orders and refunds the shop posted.
/// </summary>
public sealed class ReferenceModel
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid Enrollment, int Year, int Month), int> _ranks = [];

    public sealed class Order(string id, Enrollment? attributedTo, decimal amount, DateTimeOffset orderedAt, int? rank, decimal commission, bool flat)
    {
        public string Id { get; } = id;

        public Enrollment? AttributedTo { get; } = attributedTo;

        public decimal Amount { get; } = amount;

        public DateTimeOffset OrderedAt { get; } = orderedAt;

        public int? Rank { get; } = rank;

        public decimal Commission { get; } = commission;

        public bool Flat { get; } = flat;

        public decimal Refunded { get; set; }

        /// <summary>Reversals never exceed the share of the latest cumulative refund, whatever order the refund events arrive in.</summary>
        public decimal Reversed => AttributedTo is null ? 0m
            : Flat ? (Refunded >= Amount ? Commission : 0m)
            : Round(Commission * Math.Min(1m, Refunded / Amount));

        public decimal Owed => Commission - Reversed;

        public bool DueAt(DateTimeOffset releaseTime) =>
            AttributedTo is not null && OrderedAt.AddDays(AttributedTo.Campaign.HoldingPeriodDays) <= releaseTime;
    }

    /// <summary>
    /// Records an order as tracking attributes it and returns it. Ranks count per enrollment and UTC
    /// month in posting order, so the caller must post one enrollment's orders one at a time.
    /// </summary>
    public Order Post(string orderId, Enrollment? attributedTo, decimal amount, DateTimeOffset orderedAt)
    {
        lock (_lock)
        {
            Order order;
            if (attributedTo is null)
            {
                order = new Order(orderId, null, amount, orderedAt, null, 0m, false);
            }
            else
            {
                var month = orderedAt.UtcDateTime;
                var key = (attributedTo.Id, month.Year, month.Month);
                var rank = _ranks[key] = _ranks.GetValueOrDefault(key) + 1;
                var (commission, flat) = Commission(attributedTo.Campaign.Plan, amount, rank);
                order = new Order(orderId, attributedTo, amount, orderedAt, rank, commission, flat);
            }

            _orders.Add(orderId, order);
            return order;
        }
    }

    public void Refund(string orderId, decimal amount)
    {
        lock (_lock)
        {
            var order = _orders[orderId];
            if (order.Refunded + amount > order.Amount)
            {
                throw new InvalidOperationException($"The simulation refunded more than {orderId}'s amount.");
            }

            order.Refunded += amount;
        }
    }

    public decimal Refundable(string orderId)
    {
        lock (_lock)
        {
            return _orders[orderId].Amount - _orders[orderId].Refunded;
        }
    }

    /// <summary>What a creator is owed once every accrual due at <paramref name="releaseTime"/> has been released.</summary>
    public (decimal Pending, decimal Available) Creator(Guid creatorId, DateTimeOffset releaseTime)
    {
        lock (_lock)
        {
            var theirs = _orders.Values.Where(o => o.AttributedTo?.CreatorId == creatorId).ToList();
            return (theirs.Where(o => !o.DueAt(releaseTime)).Sum(o => o.Owed), theirs.Where(o => o.DueAt(releaseTime)).Sum(o => o.Owed));
        }
    }

    public (long Conversions, decimal Revenue, decimal Refunds, decimal Commission) Campaign(Guid campaignId)
    {
        lock (_lock)
        {
            var theirs = _orders.Values.Where(o => o.AttributedTo?.CampaignId == campaignId).ToList();
            return (theirs.Count, theirs.Sum(o => o.Amount), theirs.Sum(o => o.Refunded), theirs.Sum(o => o.Owed));
        }
    }

    public int UnattributedCount
    {
        get
        {
            lock (_lock)
            {
                return _orders.Values.Count(o => o.AttributedTo is null);
            }
        }
    }

    /// <summary>The plan's commission for the order's rank, and whether it is a flat amount (refunds treat it so).</summary>
    public static (decimal Commission, bool Flat) Commission(Plan plan, decimal amount, int rank) => plan.Kind switch
    {
        "percent" => (Round(amount * plan.Percent!.Value / 100m), false),
        "flat" => (plan.FlatAmount!.Value, true),
        "tiered" => plan.Tiers!.Where(t => t.FromRank <= rank).MaxBy(t => t.FromRank) is { } tier
            ? tier.Percent is { } percent ? (Round(amount * percent / 100m), false) : (tier.Amount!.Value, true)
            : throw new InvalidOperationException("A tiered plan starts at rank 1."),
        _ => throw new InvalidOperationException($"Unknown plan {plan.Kind}."),
    };

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
