using AmbassadorNet.Payouts.Persistence;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.TestKit.Services;
using Microsoft.EntityFrameworkCore;

namespace Payouts.Tests;

public sealed class ContractTests(PayoutsService service) : ServiceContractTests<PayoutsService, PayoutsDbContext>(service), IClassFixture<PayoutsService>
{
    protected override string GatewayName => GatewayServices.Payouts;

    protected override int MinimumOperations => 19;

    protected override PayoutsDbContext CreateContext(DbContextOptions<PayoutsDbContext> options) => new(options, new BrandScope());
}
