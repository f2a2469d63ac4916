using AmbassadorNet.Campaigns.Persistence;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.TestKit.Services;

namespace Campaigns.Tests;

public sealed class ContractTests(CampaignsService service) : ServiceContractTests<CampaignsService, CampaignsDbContext>(service, GatewayServices.Campaigns, minimumOperations: 25), IClassFixture<CampaignsService>;
