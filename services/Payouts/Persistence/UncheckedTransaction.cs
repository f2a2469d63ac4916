namespace AmbassadorNet.Payouts.Persistence;

/// <summary>
/// A journal transaction written in the open database transaction and not yet checked: triggers
/// queue it on every insert into the journal, and the commit-time check balances the whole queue in
/// one statement and empties it (Migrations/0003_set_based_ledger_checks.sql). No code writes it; it is
/// mapped only so the model and the migrated schema stay the same.
/// </summary>
public sealed class UncheckedTransaction
{
    public Guid TransactionId { get; set; }
}
