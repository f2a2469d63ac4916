using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.Messaging.Registration;

[ConfigurationSection("RabbitMq")]
public sealed class MessagingOptions
{
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    [Required]
    public string Username { get; set; } = "guest";

    [Required]
    public string Password { get; set; } = "guest";

    /// <summary>How often parked messages are retried when no release woke the replayer.</summary>
    public TimeSpan ParkedSweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    public Uri HostAddress => new($"rabbitmq://{Host}:{Port}/{Uri.EscapeDataString(VirtualHost == "/" ? "" : VirtualHost)}");
}
