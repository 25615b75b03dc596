namespace LectureHub.Application.Abstractions;

/// <summary>
/// Read-side SQL (Dapper) against a standby when one is up, else the primary. A caller who wrote within the
/// read-your-writes window is routed to the primary, so nobody reads stale data about their own write.
/// SQL aliases its columns to the DTO's constructor parameter names.
/// </summary>
public interface IReadDb
{
    /// <summary>The same queries on the primary only: for reads that must be exact (money, month-end).</summary>
    IReadDb Primary { get; }

    /// <summary>
    /// The same queries on the primary while it is up, else on the replica. For filling shared caches: a purge can
    /// arrive before a replica has replayed the change, and a stale fill would then outlive it for the whole TTL. With
    /// the primary down nothing is written, so the standby's copy is served rather than failing the read.
    /// </summary>
    IReadDb CacheFill { get; }

    Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken);

    Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken);
}
