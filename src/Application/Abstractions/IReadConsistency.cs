namespace LectureHub.Application.Abstractions;

/// <summary>
/// Whether the current caller committed a write recently enough that a replica or a cache may not show it yet.
/// Such callers read from the primary and bypass caches.
/// </summary>
public interface IReadConsistency
{
    ValueTask<bool> MustReadOwnWritesAsync(CancellationToken cancellationToken);
}
