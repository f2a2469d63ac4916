namespace AmbassadorNet.Commissions;

/// <summary>One version of an enrollment: its <see cref="CommissionOverride"/> (null: the campaign's plan) applies to orders at or after <see cref="OverrideFrom"/>.</summary>
public interface IOverrideVersion
{
    long Version { get; }

    DateTimeOffset OverrideFrom { get; }

    Plan? CommissionOverride { get; }
}
