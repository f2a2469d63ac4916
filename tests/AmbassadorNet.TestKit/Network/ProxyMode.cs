namespace AmbassadorNet.TestKit.Network;

public enum ProxyMode
{
    /// <summary>Bytes flow both ways, as if the proxy were not there.</summary>
    Forward,

    /// <summary>Nothing listens: new connections are refused and open ones are reset.</summary>
    Refuse,

    /// <summary>Connections are accepted and reset at once; open ones are reset too.</summary>
    Reset,

    /// <summary>Connections are accepted and bytes vanish in both directions: the peer waits until its own timeout.</summary>
    Blackhole,
}
