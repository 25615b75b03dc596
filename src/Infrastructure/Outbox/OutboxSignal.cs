using System.Threading.Channels;

namespace LectureHub.Infrastructure.Outbox;

/// <summary>
/// Wakes this instance's relay right after a commit wrote outbox rows, instead of waiting for the next poll. Holds at
/// most one pending wake-up: any number of commits before the relay looks collapse into one batch.
/// </summary>
public sealed class OutboxSignal
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
