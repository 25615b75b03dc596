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
        await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, """
            INSERT INTO outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts)
            SELECT gen_random_uuid(), 'RetiredEvent', '{}', now(), now(), 0 FROM generate_series(1, 300) RETURNING 1
            """);
        var relays = Enumerable.Range(0, 3).Select(_ => new OutboxRelay(
            Factory.Service<DataSources>(), Factory.Service<IServiceScopeFactory>(), Factory.Service<OutboxSignal>(),
            Factory.Service<IOptions<OutboxOptions>>(), TimeProvider.System, Factory.Service<ILogger<OutboxRelay>>())).ToList();

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
            "SELECT count(*) FROM outbox_messages WHERE attempts = 1 AND next_attempt_at > now() + interval '50 seconds'"));
    }
}
