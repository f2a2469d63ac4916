namespace AmbassadorNet.SharedKernel;

/// <summary>Thrown when code tries to add or compare amounts in different currencies.</summary>
public sealed class CurrencyMismatchException(Currency left, Currency right)
    : InvalidOperationException($"Amounts in {left} and {right} cannot be combined; convert explicitly first.");
