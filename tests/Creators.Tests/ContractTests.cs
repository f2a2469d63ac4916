using AmbassadorNet.Creators.Persistence;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.TestKit.Services;

namespace Creators.Tests;

public sealed class ContractTests(CreatorsService service) : ServiceContractTests<CreatorsService, CreatorsDbContext>(service), IClassFixture<CreatorsService>
{
    protected override string GatewayName => GatewayServices.Creators;

    protected override int MinimumOperations => 14;
}
