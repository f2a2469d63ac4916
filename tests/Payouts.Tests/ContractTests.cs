using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Payouts.Persistence;
using AmbassadorNet.TestKit.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Payouts.Tests;

public sealed class ContractTests(PayoutsService service) : ServiceContractTests<PayoutsService, PayoutsDbContext>(service, GatewayServices.Payouts, minimumOperations: 19), IClassFixture<PayoutsService>
{
    /// <summary>The ledger's events are its audit trail and rebuild its consumers after a restore: never pruned unless an operator says so.</summary>
    [Fact]
    public void Its_published_events_are_kept()
    {
        Assert.Null(Service.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.Retention);
        Assert.Equal(TimeSpan.FromDays(30), new OutboxOptions().Retention);
    }
}
