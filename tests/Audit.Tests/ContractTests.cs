using AmbassadorNet.Audit.Persistence;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.TestKit.Services;

namespace Audit.Tests;

public sealed class ContractTests(AuditService service) : ServiceContractTests<AuditService, AuditDbContext>(service, GatewayServices.Audit, minimumOperations: 6), IClassFixture<AuditService>
{
    /// <summary>The document also holds /ops/messaging, which every service has; the count is of the audit API itself.</summary>
    protected override bool IsCovered(string path) => path.StartsWith("/api/audit", StringComparison.Ordinal);
}
