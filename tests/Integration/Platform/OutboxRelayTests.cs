using LectureHub.Application.Observability;
using LectureHub.Infrastructure.Outbox;
using LectureHub.Infrastructure.Persistence;
using LectureHub.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>Relays on several instances share one outbox: each message is claimed by exactly one of them.</summary>
public sealed class OutboxRelayTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Four_relays_draining_300_messages_at_once_deliver_each_exactly_once()
    {
        // A retired event type: delivery fails, which counts one attempt and schedules the next a minute away, so a
        // message taken by two relays would show two attempts.
        var now = Factory.Clock.GetUtcNow(); // the relays' clock, not the database's now()
        await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, """
            INSERT INTO outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts)
            SELECT gen_random_uuid(), 'RetiredEvent', '{}', @now, @now, 0 FROM generate_series(1, 300) RETURNING 1
            """, ("now", now));
        var relays = Enumerable.Range(0, 3).Select(_ => new OutboxRelay(
            Factory.Service<DataSources>(), Factory.Service<IServiceScopeFactory>(), Factory.Service<OutboxSignal>(),
            Factory.Service<IOptions<OutboxOptions>>(), Factory.Clock, Factory.Service<LectureHubMetrics>(), Factory.Service<ILogger<OutboxRelay>>())).ToList();

        // Three extra relays run beside the host's own, until none finds anything due.
        await Task.WhenAll(relays.Select(async relay =>
        {
            while (await relay.ProcessBatchAsync(CancellationToken.None) > 0)
            {
            }
        }));
        await Api.EventuallyAsync(async () => await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT count(*) FROM outbox_messages WHERE attempts = 0") == 0, "every message attempted");

        Assert.Equal(300L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT count(*) FROM outbox_messages WHERE attempts = 1 AND next_attempt_at > @now + interval '50 seconds'", ("now", now)));
    }

    [Fact]
    public async Task A_batch_stops_delivering_when_the_next_delivery_could_outlast_its_lease()
    {
        // Two hours ahead, where only this relay's clock is: the host's relay never sees these messages.
        var start = DateTimeOffset.UtcNow.AddHours(2);
        await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, """
            INSERT INTO outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts)
            SELECT gen_random_uuid(), 'RetiredEvent', '{}', now() + n * interval '1 ms', @due, 0 FROM generate_series(1, 5) n RETURNING 1
            """, ("due", start));
        // Every reading of this clock is 15 s later than the last: claim at 0 s (lease to 60 s), deliver at 15 s, and at
        // 45 s the next delivery (up to 20 s) could outlast the lease.
        var clock = new SteppingClock(start, TimeSpan.FromSeconds(15));
        var relay = new OutboxRelay(Factory.Service<DataSources>(), Factory.Service<IServiceScopeFactory>(), Factory.Service<OutboxSignal>(),
            Factory.Service<IOptions<OutboxOptions>>(), clock, Factory.Service<LectureHubMetrics>(), Factory.Service<ILogger<OutboxRelay>>());

        Assert.Equal(5, await relay.ProcessBatchAsync(CancellationToken.None));

        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM outbox_messages WHERE attempts = 1"));
        Assert.Equal(4L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT count(*) FROM outbox_messages WHERE attempts = 0 AND next_attempt_at = @leaseEnds", ("leaseEnds", start + OutboxRelay.Lease)));
    }

    private sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
    {
        private int _readings;

        public override DateTimeOffset GetUtcNow() => start + step * Interlocked.Increment(ref _readings) - step;
    }
}
