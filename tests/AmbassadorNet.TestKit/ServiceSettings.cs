using System.Globalization;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;

namespace AmbassadorNet.TestKit;

/// <summary>The settings every service under test needs: its own database and vhost, and quiet logs.</summary>
public static class ServiceSettings
{
    /// <summary>The settings, with the broker reached on <paramref name="rabbitPort"/> if one is given (a proxy in front of it).</summary>
    public static Dictionary<string, string?> For(TestDatabase database, TestVhost vhost, int? rabbitPort = null) => new()
    {
        ["Database:ConnectionString"] = database.ConnectionString,
        ["RabbitMq:Host"] = TestServers.RabbitHost,
        ["RabbitMq:Port"] = (rabbitPort ?? TestServers.RabbitPort).ToString(CultureInfo.InvariantCulture),
        ["RabbitMq:VirtualHost"] = vhost.Name,
        ["RabbitMq:Username"] = TestServers.RabbitUser,
        ["RabbitMq:Password"] = TestServers.RabbitPassword,
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
