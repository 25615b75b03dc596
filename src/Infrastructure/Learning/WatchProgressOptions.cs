using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Learning;

/// <summary>Watch sessions and the heartbeat buffer (section <c>WatchProgress</c>).</summary>
public sealed class WatchProgressOptions
{
    public const string Section = "WatchProgress";

    /// <summary>
    /// Base64 HMAC-SHA256 key (at least 32 bytes) that signs watch session tokens; every instance needs the same one.
    /// Required outside Development; generated there when empty.
    /// </summary>
    [Required]
    [MinLength(44, ErrorMessage = "WatchProgress:SessionKey must be a base64 key of at least 32 bytes.")]
    public string SessionKey { get; set; } = "";

    /// <summary>Run the flush loop in this process. Tests turn it off and flush themselves.</summary>
    public bool FlushEnabled { get; set; } = true;

    /// <summary>How long the flush loop sleeps when the buffer is empty; it does not sleep while batches are full.</summary>
    [Range(50, 60_000)]
    public int FlushIntervalMs { get; set; } = 1000;

    /// <summary>Heartbeats per flush: one round of three statements in one transaction.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 2000;

    /// <summary>A batch whose flusher died is redelivered to another flusher after this long.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>A session's state in Redis is forgotten after this long without a heartbeat (its token still works for a day).</summary>
    [Range(1, 24 * 60)]
    public int SessionIdleMinutes { get; set; } = 120;

    /// <summary>
    /// Heartbeats the buffer may hold before new ones are refused with 503 (the client keeps and resends them): a
    /// bound on Redis memory while the database is away. About 100 bytes each.
    /// </summary>
    [Range(1000, 100_000_000)]
    public int MaxPending { get; set; } = 2_000_000;
}
