using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(0.05, 60)]
    public double PollIntervalSeconds { get; set; } = 2;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failures a message is parked (next attempt at infinity) for an operator to look at.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;
}
