using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LectureHub.Application.Observability;

/// <summary>
/// Every instrument LectureHub defines, with its unit and description, on the one meter <see cref="Name"/>; the spans
/// of its own work (commands, outbox deliveries) come from <see cref="Activities"/>. docs/observability.md lists them
/// by their Prometheus names, and a test fails when an exported one is missing there.
/// </summary>
public sealed class LectureHubMetrics
{
    public const string Name = "LectureHub";

    /// <summary>The reconciliation fix of a refund requested long ago and never completed, which the reconciler finished.</summary>
    public const string RefundFinished = nameof(RefundFinished);

    public static readonly ActivitySource Activities = new(Name);

    private static int _hosts;

    private readonly ConcurrentDictionary<string, CacheCounts> _caches = new(StringComparer.Ordinal);

    private SampledState _sampled = SampledState.None;

    public LectureHubMetrics(IMeterFactory meters)
    {
        // OpenTelemetry keeps one instrument per name across all of a process's meters, so a second API host in one
        // process (the integration tests run several) gets a meter name of its own and its exporter subscribes to it.
        var host = Interlocked.Increment(ref _hosts);
        Meter = meters.Create(host == 1 ? Name : $"{Name}.{host}");
        Commands = Meter.CreateCounter<long>("lecturehub.commands", "{command}",
            "Commands and workflows handled, by name and outcome: OK, the error code the caller received, or ERROR.");
        CommandDuration = Meter.CreateHistogram<double>("lecturehub.command.duration", "s",
            "Time to handle a command or workflow, transaction and commit included.", advice: new() { HistogramBucketBoundaries = LatencyBuckets });
        OutboxDeliveries = Meter.CreateCounter<long>("lecturehub.outbox.deliveries", "{message}",
            "Outbox messages delivered to their handlers, by event and outcome (delivered, failed, parked).");
        WebhooksReceived = Meter.CreateCounter<long>("lecturehub.webhooks.received", "{webhook}",
            "Payment webhooks accepted into the inbox, by outcome (new, duplicate).");
        RenditionDuration = Meter.CreateHistogram<double>("lecturehub.transcode.rendition.duration", "s",
            "Time to encode one rendition (rung of the HLS ladder), by rung and outcome.", advice: new() { HistogramBucketBoundaries = EncodeBuckets });
        TranscodeRetries = Meter.CreateCounter<long>("lecturehub.transcode.retries", "{job}", "Transcode jobs taken again after a failed attempt.");
        TranscodeTakeovers = Meter.CreateCounter<long>("lecturehub.transcode.takeovers", "{job}",
            "Running transcode jobs taken over because their worker stopped renewing the lease (stuck or crashed).");
        Orders = Meter.CreateCounter<long>("lecturehub.orders", "{order}", "Orders by what happened to them: placed, paid, failed, canceled, expired.");
        Refunds = Meter.CreateCounter<long>("lecturehub.refunds", "{refund}", "Course refunds completed (the gateway returned the money).");
        PaymentAmount = Meter.CreateCounter<long>("lecturehub.payments.amount", "{KRW}", "Money moved, in KRW, by kind (paid, refunded).");
        PaymentAnomalies = Meter.CreateCounter<long>("lecturehub.payments.anomalies", "{anomaly}", "Payment anomalies flagged for an operator, by kind.");
        ReconciliationFixes = Meter.CreateCounter<long>("lecturehub.payments.reconciliation_fixes", "{order}",
            "Orders the reconciler settled from the gateway's answer, by what it did.");
        CohortApplications = Meter.CreateCounter<long>("lecturehub.cohort.applications", "{application}",
            "Cohort applications by the state they entered: Applied, Approved, Waitlisted, Rejected, Cancelled.");
        Meter.CreateObservableCounter("lecturehub.cache.requests", ObserveCacheRequests, "{request}",
            "Read-model cache lookups, by cache and outcome (hit, stale, miss, bypass).");
        Meter.CreateObservableCounter("lecturehub.cache.fills", ObserveCacheFills, "{fill}", "Read-model cache entries filled from the database, by cache.");
        PrimaryReads = Meter.CreateCounter<long>("lecturehub.reads.primary_routings", "{request}",
            "Requests whose reads went to the primary because their caller had just written (read-your-writes), by reason.");
        HashingRefusals = Meter.CreateCounter<long>("lecturehub.hashing.refusals", "{request}",
            "Password requests refused with 503 BUSY because every hashing slot and queue place was taken.");

        Meter.CreateObservableGauge("lecturehub.outbox.pending", () => Sampled.OutboxPending, "{message}", "Outbox messages waiting for delivery (dead letters not included).");
        Meter.CreateObservableGauge("lecturehub.outbox.oldest_pending_age", () => Sampled.OutboxOldestAgeSeconds, "s", "Age of the oldest outbox message waiting for delivery.");
        Meter.CreateObservableGauge("lecturehub.outbox.dead_letters", () => Sampled.OutboxDeadLetters, "{message}", "Outbox messages parked after their last attempt, waiting for an Admin.");
        Meter.CreateObservableGauge("lecturehub.webhooks.pending", () => Sampled.WebhooksPending, "{webhook}", "Payment webhooks in the inbox not yet processed.");
        Meter.CreateObservableGauge("lecturehub.webhooks.oldest_pending_age", () => Sampled.WebhooksOldestAgeSeconds, "s", "Age of the oldest unprocessed payment webhook.");
        Meter.CreateObservableGauge("lecturehub.watch.buffered_heartbeats", () => Sampled.BufferedHeartbeats, "{heartbeat}", "Accepted heartbeats in the Redis buffer, not yet flushed to PostgreSQL.");
        Meter.CreateObservableGauge("lecturehub.watch.flush_lag", () => Sampled.FlushLagSeconds, "s", "Age of the oldest buffered heartbeat.");
        Meter.CreateObservableGauge("lecturehub.transcode.jobs", ObserveTranscodeJobs, "{job}", "Transcode jobs by state.");
        Meter.CreateObservableGauge("lecturehub.postgres.standby_reachable", () => Sampled.StandbyReachable ? 1 : 0, "{standby}",
            "1 when the sampler reached the standby, 0 when it did not (reads then fall back to the primary).");
        Meter.CreateObservableGauge("lecturehub.postgres.replication_lag", () => Sampled.ReplicationLagSeconds, "s",
            "How far the standby's replay is behind the primary, in time (0 when it has replayed everything it received).");
        Meter.CreateObservableGauge("lecturehub.postgres.replication_lag_bytes", () => Sampled.ReplicationLagBytes, "By", "WAL the standby has not yet replayed.");
        Meter.CreateObservableGauge("lecturehub.sampled_at", () => Sampled.AtUnixSeconds, "s", "When the gauges above were last sampled (Unix time); 0 before the first sample.");
    }

    public Meter Meter { get; }

    public Counter<long> Commands { get; }

    public Histogram<double> CommandDuration { get; }

    public Counter<long> OutboxDeliveries { get; }

    public Counter<long> WebhooksReceived { get; }

    public Histogram<double> RenditionDuration { get; }

    public Counter<long> TranscodeRetries { get; }

    public Counter<long> TranscodeTakeovers { get; }

    public Counter<long> Orders { get; }

    public Counter<long> Refunds { get; }

    public Counter<long> PaymentAmount { get; }

    public Counter<long> PaymentAnomalies { get; }

    public Counter<long> ReconciliationFixes { get; }

    public Counter<long> CohortApplications { get; }

    public Counter<long> PrimaryReads { get; }

    public Counter<long> HashingRefusals { get; }

    /// <summary>The counts of the cache named <paramref name="name"/> (a word or two of its keys, never an id).</summary>
    public CacheCounts Cache(ReadOnlySpan<char> name) =>
        _caches.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var counts) ? counts : _caches.GetOrAdd(name.ToString(), _ => new CacheCounts());

    /// <summary>The latest sample of state kept in PostgreSQL and Redis; the sampler replaces it whole.</summary>
    public SampledState Sampled
    {
        get => Volatile.Read(ref _sampled);
        set => Volatile.Write(ref _sampled, value);
    }

    /// <summary>Password hashing slots in use and callers waiting for one; observed live when read.</summary>
    public void ObserveHashing(Func<long> inFlight, Func<long> queued)
    {
        Meter.CreateObservableGauge("lecturehub.hashing.in_flight", inFlight, "{hash}", "Password hashes running now.");
        Meter.CreateObservableGauge("lecturehub.hashing.queued", queued, "{hash}", "Password hashes waiting for a slot.");
    }

    /// <summary>
    /// The series whose labels are known up front exist from the start at 0, so the first event shows in increase() and
    /// alerts, and the dashboard's panels have a line before anything happened. Called once the exporter listens:
    /// a measurement made before that is not seen.
    /// </summary>
    public void StartAtZero()
    {
        foreach (var counter in new[] { Refunds, TranscodeRetries, TranscodeTakeovers, HashingRefusals })
        {
            counter.Add(0);
        }

        foreach (var outcome in new[] { "placed", "paid", "failed", "canceled", "expired" })
        {
            Orders.Add(0, new KeyValuePair<string, object?>("outcome", outcome));
        }

        foreach (var (counter, label, values) in new[]
                 {
                     (PaymentAmount, "kind", new[] { "paid", "refunded" }),
                     (WebhooksReceived, "outcome", ["new", "duplicate"]),
                     (PrimaryReads, "reason", ["recent_write", "redis_unavailable"]),
                     (PaymentAnomalies, "kind", Enum.GetNames<Domain.Payments.AnomalyKind>()),
                     (CohortApplications, "status", Enum.GetNames<Domain.Cohorts.ApplicationStatus>()),
                     (ReconciliationFixes, "outcome", [.. Enum.GetNames<Payments.Commands.SettleOutcome>().Where(o => o != "Waiting"), RefundFinished]),
                 })
        {
            foreach (var value in values)
            {
                counter.Add(0, new KeyValuePair<string, object?>(label, value));
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveCacheRequests() =>
        from cache in _caches
        from outcome in Enum.GetValues<CacheOutcome>()
        select new Measurement<long>(cache.Value.Requests(outcome),
            new KeyValuePair<string, object?>("cache", cache.Key), new KeyValuePair<string, object?>("outcome", CacheCounts.OutcomeLabels[(int)outcome]));

    private IEnumerable<Measurement<long>> ObserveCacheFills() =>
        _caches.Select(cache => new Measurement<long>(cache.Value.Fills, new KeyValuePair<string, object?>("cache", cache.Key)));

    private IEnumerable<Measurement<long>> ObserveTranscodeJobs() =>
        Sampled.TranscodeJobs.Select(j => new Measurement<long>(j.Value, new KeyValuePair<string, object?>("state", j.Key)));

    private static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5, 10];

    private static readonly double[] EncodeBuckets = [1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 3600];
}
