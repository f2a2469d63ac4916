using Reliability.Tests.Money;

namespace Reliability.Tests.Faults;

/// <summary>
/// Scenario 4 of docs/reliability.md: the payouts service dies (as by kill -9) after its consumer committed an
/// accrual or a reversal and before it acknowledged the message. The broker delivers the message
/// again to the restarted service; the inbox recognises it, and the books are as if nothing happened.
/// </summary>
[Collection(FaultySystemCollection.Name)]
public sealed class ConsumerCrashTests(FaultySystemFixture fixture)
{
    [Fact]
    public async Task A_crash_between_commit_and_ack_changes_nothing_when_the_message_comes_again()
    {
        var shop = await Shop.OpenAsync(await fixture.NewBrandAsync("Consumer crash"), "ackcrash", creators: 1,
            [new CampaignSpec("Crash percent", new Plan("percent", Percent: 10m), HoldingPeriodDays: 0)], partnerKeys: 1);
        var enrollment = shop.Enrollments[0];
        var partner = shop.Partners[0];
        var model = new ReferenceModel();
        var orderedAt = DateTimeOffset.UtcNow.AddDays(-2);

        await CrashPayoutsAtAsync("after-commit:ConversionAttributed",
            () => Orders.PostAsync(partner, model, "ackcrash-1", enrollment, 120m, orderedAt, enrollment.PromoCode));
        await CrashPayoutsAtAsync("after-commit:ConversionReversed",
            () => Orders.RefundAsync(partner, model, "ackcrash-1", "ackcrash-refund", 20m));
        await Orders.PostAsync(partner, model, "ackcrash-2", enrollment, 80m, orderedAt, enrollment.PromoCode);

        var releasedAt = await fixture.ReleaseAtRestAsync(shop.Admin);
        var books = await fixture.AtRestAsync(_ => Books.ReadAsync(shop.Admin, shop.CreatorIds, shop.CampaignIds), "the books after two crashes");
        Invariants.Hold(books);
        Invariants.MatchModel(shop, model, releasedAt, books);
        Assert.Equal(2, books.Creator(enrollment.CreatorId).Accruals);
        await fixture.AssertErrorQueuesAsExpectedAsync(["payouts", "analytics", "tracking"]);
    }

    /// <summary>Arms the crash point, does what makes payouts reach it, waits for the death and restarts the service.</summary>
    private async Task CrashPayoutsAtAsync(string point, Func<Task> cause)
    {
        fixture.ArmCrash("payouts", point);
        await cause();
        await fixture.System.WaitUntilGoneAsync("payouts");
        Assert.False(fixture.CrashArmed("payouts"), $"payouts exited without reaching {point}");
        await fixture.System.RestartAsync("payouts", TestContext.Current.CancellationToken);
    }
}
