using Npgsql;

namespace Payouts.Tests;

/// <summary>
/// What the database keeps of the entries a line settles (Migrations/0010), whoever writes: a set belongs
/// to a line that exists and lies on that line's creator's available account, no entry is in two sets of
/// an account, and a set is never changed or removed. Each refusal leaves the sets and lines as they were.
/// </summary>
public sealed class LineEntrySetTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    /// <summary>A run that paid one creator: its batch, line, the creator's available account and the entry the line settled.</summary>
    private async Task<(PayoutDesk Desk, Guid Batch, Guid Line, Guid Account, Guid Entry)> PaidAsync()
    {
        var desk = new PayoutDesk(Service);
        await desk.PayeeAsync("USD", 25m);
        var batch = PayoutDesk.BatchOf(await desk.RunReadAsync());
        var line = (await desk.BatchAsync(batch)).GetProperty("lines")[0];
        var set = await Service.QueryAsync(desk.Brand, db => db.LineEntrySets.SingleAsync());
        Assert.Equal(line.GetProperty("id").GetGuid(), set.LineId);
        return (desk, batch, set.LineId, set.AccountId, Assert.Single(set.EntryIds));
    }

    /// <summary>A second line for the creator of <paramref name="line"/> in the same batch, as psql would write it.</summary>
    private static string AnotherLine(Guid id, Guid line) => $"""
        INSERT INTO payout_lines (id, brand_id, batch_id, creator_id, currency, amount, payee_reference, status, transaction_id)
        SELECT '{id}', brand_id, batch_id, creator_id, currency, 1, payee_reference, 'in_payout', transaction_id FROM payout_lines WHERE id = '{line}';
        """;

    private static string Set(Guid line, Guid brand, Guid account, params Guid[] entries) =>
        $"INSERT INTO payout_line_entry_sets VALUES ('{line}', '{brand}', '{account}', ARRAY[{string.Join(", ", entries.Select(e => $"'{e}'::uuid"))}]);";

    private async Task<string> RefusedAsync(Guid brand, string sql)
    {
        var before = await CountsAsync(brand);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => Service.ScalarAsync<object>($"BEGIN; {sql} COMMIT;"));
        Assert.Equal(before, await CountsAsync(brand));
        return refused.MessageText;
    }

    private async Task<(long Sets, long Lines)> CountsAsync(Guid brand) => (
        await Service.ScalarAsync<long>("SELECT count(*) FROM payout_line_entry_sets WHERE brand_id = @b", ("b", brand)),
        await Service.ScalarAsync<long>("SELECT count(*) FROM payout_lines WHERE brand_id = @b", ("b", brand)));

    [Fact]
    public async Task A_set_of_a_line_that_does_not_exist_is_refused()
    {
        var (desk, _, _, account, entry) = await PaidAsync();

        var message = await RefusedAsync(desk.Brand, Set(Guid.CreateVersion7(), desk.Brand, account, entry));

        Assert.Matches("^payout line [0-9a-f-]{36} does not exist$", message);
    }

    [Fact]
    public async Task A_set_on_another_account_than_its_lines_creators_available_account_is_refused()
    {
        var (desk, _, line, _, entry) = await PaidAsync();
        var inPayout = await Service.ScalarAsync<Guid>(
            "SELECT id FROM ledger_accounts WHERE brand_id = @b AND kind = 'creator_in_payout'", ("b", desk.Brand));
        var newLine = Guid.CreateVersion7();

        var message = await RefusedAsync(desk.Brand, AnotherLine(newLine, line) + Set(newLine, desk.Brand, inPayout, entry));

        Assert.Equal($"the entries of payout line {newLine} are not on its creator's available account in its currency", message);
    }

    [Fact]
    public async Task A_set_sharing_an_entry_with_another_set_of_its_account_is_refused()
    {
        var (desk, _, line, account, entry) = await PaidAsync();
        var newLine = Guid.CreateVersion7();

        var message = await RefusedAsync(desk.Brand, AnotherLine(newLine, line) + Set(newLine, desk.Brand, account, Guid.CreateVersion7(), entry));

        Assert.Equal($"payout lines {newLine} and {line} settle the same entry", message);
    }

    [Fact]
    public async Task Two_new_sets_sharing_an_entry_in_one_statement_are_refused()
    {
        var (desk, _, line, account, _) = await PaidAsync();
        var (first, second, shared) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

        var message = await RefusedAsync(desk.Brand, AnotherLine(first, line) + AnotherLine(second, line) + $"""
            INSERT INTO payout_line_entry_sets VALUES
                ('{first}', '{desk.Brand}', '{account}', ARRAY['{shared}'::uuid]),
                ('{second}', '{desk.Brand}', '{account}', ARRAY['{Guid.CreateVersion7()}'::uuid, '{shared}'::uuid]);
            """);

        Assert.Contains("settle the same entry", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_set_without_entries_is_refused()
    {
        var (desk, _, line, account, _) = await PaidAsync();
        var newLine = Guid.CreateVersion7();

        var message = await RefusedAsync(desk.Brand, AnotherLine(newLine, line) + $"INSERT INTO payout_line_entry_sets VALUES ('{newLine}', '{desk.Brand}', '{account}', '{{}}');");

        Assert.Equal("new row for relation \"payout_line_entry_sets\" violates check constraint \"ck_payout_line_entry_sets_entry_ids\"", message);
    }

    [Theory]
    [InlineData("UPDATE payout_line_entry_sets SET entry_ids = entry_ids || gen_random_uuid()", "UPDATE")]
    [InlineData("DELETE FROM payout_line_entry_sets", "DELETE")]
    [InlineData("TRUNCATE payout_line_entry_sets", "TRUNCATE")]
    public async Task A_set_is_never_changed_or_removed(string change, string operation)
    {
        var (desk, _, _, _, entry) = await PaidAsync();

        var message = await RefusedAsync(desk.Brand, change + ";");

        Assert.Equal($"{operation} on payout_line_entry_sets is not allowed: the entries a line settled stay with it, also when it is voided", message);
        Assert.Equal(new[] { entry }, (await Service.QueryAsync(desk.Brand, db => db.LineEntrySets.SingleAsync())).EntryIds);
    }
}
