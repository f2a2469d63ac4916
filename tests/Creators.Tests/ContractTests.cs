using AmbassadorNet.Creators.Persistence;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.TestKit.Services;
using Microsoft.EntityFrameworkCore;

namespace Creators.Tests;

public sealed class ContractTests(CreatorsService service) : ServiceContractTests<CreatorsService, CreatorsDbContext>(service), IClassFixture<CreatorsService>
{
    protected override string GatewayName => GatewayServices.Creators;

    protected override int MinimumOperations => 14;

    protected override CreatorsDbContext CreateContext(DbContextOptions<CreatorsDbContext> options) => new(options, new BrandScope());
}
