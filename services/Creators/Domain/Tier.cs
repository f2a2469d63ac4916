namespace AmbassadorNet.Creators.Domain;

/// <summary>Reach class from the largest following: nano 1k–10k, micro 10k–100k, macro 100k–1M, mega 1M+, below 1k emerging.</summary>
public enum Tier
{
    Emerging,
    Nano,
    Micro,
    Macro,
    Mega,
}

public static class Tiers
{
    /// <summary>Lower bounds are inclusive: 1,000 followers is nano, 999 is emerging.</summary>
    public static Tier For(long followers) => followers switch
    {
        >= 1_000_000 => Tier.Mega,
        >= 100_000 => Tier.Macro,
        >= 10_000 => Tier.Micro,
        >= 1_000 => Tier.Nano,
        _ => Tier.Emerging,
    };
}
