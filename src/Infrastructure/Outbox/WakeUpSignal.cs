using System.Threading.Channels;

namespace LectureHub.Infrastructure.Outbox;

/// <summary>
/// Wakes a polling worker of this instance as soon as there is work, instead of at its next poll. Holds at most one
/// pending wake-up: any number of notifications before the worker looks collapse into one batch.
/// </summary>
public abstract class WakeUpSignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        poll.CancelAfter(timeout);
        try
        {
            await _wakeUps.Reader.ReadAsync(poll.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a wake-up: time to look anyway.
        }
    }
}
