using System.Security.Cryptography;
using System.Text;
using AmbassadorNet.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Gateway.Keys;

/// <summary>The configured operator key, compared in constant time so response timing reveals nothing of it.</summary>
internal sealed class OperatorCredential(IOptions<GatewayOptions> options)
{
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.OperatorKey));

    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));
}
