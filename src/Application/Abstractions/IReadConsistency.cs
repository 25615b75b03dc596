namespace LectureHub.Application.Abstractions;

/// <summary>
/// Whether the current caller committed a write recently enough that a replica or a cache may not show it yet.
/// Such callers read from the primary and bypass caches.
/// </summary>
public interface IReadConsistency
{
    ValueTask<bool> MustReadOwnWritesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// For anonymous commands that act for a user (register, login): after commit, treat that user as the writer,
    /// so their first authenticated reads see the new rows too. The signed-in caller is always noted.
    /// </summary>
    void NoteWriteBy(Guid userId);
}
