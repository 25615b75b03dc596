namespace LectureHub.Application.Abstractions;

/// <summary>
/// Runs one command as one transaction: the work, its domain events written to the outbox, save, commit.
/// Only the command pipeline calls this; handlers never commit.
/// </summary>
public interface IUnitOfWork
{
    Task<TResult> ExecuteAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> work, CancellationToken cancellationToken);
}
