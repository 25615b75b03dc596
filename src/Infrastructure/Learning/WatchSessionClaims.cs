namespace LectureHub.Infrastructure.Learning;

/// <summary>What a watch session token vouches for.</summary>
internal readonly record struct WatchSessionClaims(Guid Id, DateTimeOffset StartedAt, long DurationMs);
