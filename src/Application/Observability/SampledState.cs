namespace LectureHub.Application.Observability;

/// <summary>State that lives in PostgreSQL and Redis, read by the sampler every few seconds for the gauges.</summary>
public sealed record SampledState(
    long OutboxPending,
    double OutboxOldestAgeSeconds,
    long OutboxDeadLetters,
    long WebhooksPending,
    double WebhooksOldestAgeSeconds,
    long BufferedHeartbeats,
    double FlushLagSeconds,
    IReadOnlyDictionary<string, long> TranscodeJobs,
    bool StandbyReachable,
    double ReplicationLagSeconds,
    long ReplicationLagBytes,
    long AtUnixSeconds)
{
    public static SampledState None { get; } = new(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, long>(), false, 0, 0, 0);
}
