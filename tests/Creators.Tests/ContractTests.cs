using AmbassadorNet.Creators.Persistence;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.TestKit.Services;

namespace Creators.Tests;

public sealed class ContractTests(CreatorsService service) : ServiceContractTests<CreatorsService, CreatorsDbContext>(service, GatewayServices.Creators, minimumOperations: 14), IClassFixture<CreatorsService>;
