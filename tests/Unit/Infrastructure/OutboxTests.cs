using LectureHub.Domain.Categories;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Outbox;

namespace LectureHub.UnitTests.Infrastructure;

public sealed class OutboxTests
{
    [Fact]
    public void An_event_survives_the_round_trip_through_an_outbox_row()
    {
        var raised = new UserRegistered(Guid.NewGuid(), "a@b.co", Role.Instructor);
        var now = DateTimeOffset.UtcNow;

        var message = OutboxSerializer.ToMessage(raised, now);

        Assert.Equal(("UserRegistered", now, now), (message.Type, message.OccurredAt, message.NextAttemptAt));
        Assert.Equal(raised, OutboxSerializer.FromMessage(message.Type, message.Payload));
    }

    [Fact]
    public void An_unknown_event_type_is_an_error_not_a_silent_skip() =>
        Assert.Throws<InvalidOperationException>(() => OutboxSerializer.FromMessage("NoSuchEvent", "{}"));

    [Fact]
    public void Retries_wait_1_5_15_and_60_minutes()
    {
        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(1)],
            Enumerable.Range(1, 5).Select(OutboxRelay.Backoff));
    }

    [Fact]
    public void Event_type_names_are_unique_so_rows_map_back_to_one_type()
    {
        var names = typeof(CategoriesChanged).Assembly.GetTypes()
            .Where(t => typeof(LectureHub.Domain.Common.IDomainEvent).IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => t.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }
}

public sealed class OutboxSignalTests
{
    [Fact]
    public async Task Many_commits_before_the_relay_looks_collapse_into_one_wake_up()
    {
        var signal = new OutboxSignal();
        signal.Notify();
        signal.Notify();
        signal.Notify();

        var woken = signal.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Same(woken, await Task.WhenAny(woken, Task.Delay(TimeSpan.FromSeconds(10))));

        // Nothing is left pending: the next wait runs until its poll interval.
        var idle = signal.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        await idle;
        Assert.True(idle.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Stopping_the_service_cancels_the_wait()
    {
        using var stopping = new CancellationTokenSource();
        var wait = new OutboxSignal().WaitAsync(TimeSpan.FromMinutes(1), stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
