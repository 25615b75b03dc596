using LectureHub.Application.Abstractions;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>
/// On the password endpoints: when every hashing slot and queue place is taken, answer 503 BUSY before the request
/// reaches the pipeline, so a refusal in a sign-up storm costs no validation, no transaction and no query.
/// </summary>
internal sealed class HashingAdmission(IPasswordHasher hasher) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        hasher.ThrowIfBusy();
        return next(context);
    }
}
