using System.Globalization;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;

namespace AmbassadorNet.TestKit;

/// <summary>The settings every service under test needs: its own database and vhost, and quiet logs.</summary>
public static class ServiceSettings
{
    public static Dictionary<string, string?> For(TestDatabase database, TestVhost vhost) => new()
    {
        ["Database:ConnectionString"] = database.ConnectionString,
        ["RabbitMq:Host"] = TestServers.RabbitHost,
        ["RabbitMq:Port"] = TestServers.RabbitPort.ToString(CultureInfo.InvariantCulture),
        ["RabbitMq:VirtualHost"] = vhost.Name,
        ["RabbitMq:Username"] = TestServers.RabbitUser,
        ["RabbitMq:Password"] = TestServers.RabbitPassword,
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
