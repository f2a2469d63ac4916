namespace AmbassadorNet.Contracts;

/// <summary>
/// An amount of money as it travels in events: a decimal and its ISO 4217 currency code. Kept
/// deliberately plain so partner systems need nothing of ours to read it.
/// </summary>
public sealed record MoneyAmount(decimal Amount, string Currency);
