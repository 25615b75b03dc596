namespace LectureHub.Application.Abstractions;

/// <summary>The kinds of user writing that are rate limited, each with its own hourly allowance.</summary>
public enum WriteKind
{
    Post,
    Comment,
    Report,
    Question,
}

/// <summary>
/// Per-user write allowances shared by every instance (Redis): a user past theirs gets 429 with Retry-After. When Redis
/// is down the write is let through: losing a limit for a while is better than losing the writing.
/// </summary>
public interface IWriteQuota
{
    /// <summary>Counts one write; throws <see cref="Common.Exceptions.TooManyRequestsException"/> when the allowance is used up.</summary>
    Task TakeAsync(WriteKind kind, Guid userId, CancellationToken cancellationToken);
}
