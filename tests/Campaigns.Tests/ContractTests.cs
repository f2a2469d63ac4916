using AmbassadorNet.Campaigns.Persistence;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.TestKit.Services;

namespace Campaigns.Tests;

public sealed class ContractTests(CampaignsService service) : ServiceContractTests<CampaignsService, CampaignsDbContext>(service), IClassFixture<CampaignsService>
{
    protected override string GatewayName => GatewayServices.Campaigns;

    protected override int MinimumOperations => 25;
}
