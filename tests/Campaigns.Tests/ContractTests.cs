using AmbassadorNet.Campaigns.Persistence;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.TestKit.Services;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Tests;

public sealed class ContractTests(CampaignsService service) : ServiceContractTests<CampaignsService, CampaignsDbContext>(service), IClassFixture<CampaignsService>
{
    protected override string GatewayName => GatewayServices.Campaigns;

    protected override int MinimumOperations => 25;

    protected override CampaignsDbContext CreateContext(DbContextOptions<CampaignsDbContext> options) => new(options, new BrandScope());
}
