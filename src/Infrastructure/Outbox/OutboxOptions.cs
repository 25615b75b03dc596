using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(0.05, 60)]
    public double PollIntervalSeconds { get; set; } = 2;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// After this many failures a message is dead-lettered (next attempt at infinity) until an Admin retries it. The
    /// default, 5, is the first try and retries after 1 min, 5 min, 15 min and 1 h.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;
}
