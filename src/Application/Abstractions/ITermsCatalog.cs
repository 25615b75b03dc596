using LectureHub.Application.Terms;

namespace LectureHub.Application.Abstractions;

/// <summary>
/// The terms in force, held in memory on each instance: every authenticated request compares its token's agreed
/// versions with them. Reloaded on a timer, so a new version reaches every instance within that interval (and the
/// publishing instance at once).
/// </summary>
public interface ITermsCatalog
{
    ValueTask<CurrentTerms> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Reads the newest version of each kind again (after publishing one).</summary>
    Task<CurrentTerms> ReloadAsync(CancellationToken cancellationToken);
}
