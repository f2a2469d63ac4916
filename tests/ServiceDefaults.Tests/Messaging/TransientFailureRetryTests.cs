using MassTransit;
using ServiceDefaults.Tests.Sample.Events;

namespace ServiceDefaults.Tests.Messaging;

/// <summary>
/// A handler that finds the database unreachable for longer than the ordinary retries last keeps
/// its message (the transient-failure retries around them) and applies it once the database is
/// back; a failure that is not transient still goes to the error queue after the ordinary retries
/// (ErrorQueueAndReplayTests).
/// </summary>
public sealed class TransientFailureRetryTests(SampleServiceFixture fixture) : IClassFixture<SampleServiceFixture>
{
    [Fact]
    public async Task A_database_outage_longer_than_the_ordinary_retries_does_not_dead_letter_the_message()
    {
        var messageId = NewId.NextGuid();
        // Seven attempts find the database unreachable: more than the ordinary retries (three attempts) would allow.
        await fixture.Service.Bus.Publish(new DatabaseHiccup(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Failures: 7),
            c => c.MessageId = messageId, TestContext.Current.CancellationToken);

        await Eventually.UntilAsync(_ => Task.FromResult(fixture.Service.Observations.HiccupApplied.ContainsKey(messageId)), "the message applied after the outage");
        Assert.Equal(8, fixture.Service.Observations.HiccupAttempts[messageId]);
    }
}
