namespace LectureHub.Application.Common.Exceptions;

/// <summary>An error the caller can act on; carries the HTTP-independent kind and a stable machine code.</summary>
public abstract class AppException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The request itself is unusable (a missing or malformed header, say): 400.</summary>
public sealed class BadRequestException(string code, string message) : AppException(code, message);

/// <summary>Well-formed but contradicts what the server already holds (e.g. a reused idempotency key): 422.</summary>
public sealed class UnprocessableException(string code, string message) : AppException(code, message);

public sealed class NotFoundException(string code, string message) : AppException(code, message);

public sealed class UnauthorizedException(string code, string message) : AppException(code, message);

public sealed class ForbiddenException(string code, string message) : AppException(code, message);

public sealed class ConflictException(string code, string message) : AppException(code, message);

public sealed class TooManyRequestsException(string code, string message, TimeSpan retryAfter) : AppException(code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The work cannot be taken on now but can be soon (a backlog is draining): 503 with Retry-After.</summary>
public sealed class ServiceUnavailableException(string code, string message, TimeSpan? retryAfter = null) : AppException(code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter ?? TimeSpan.FromSeconds(5);
}
