using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Live;

namespace LectureHub.Application.Live;

/// <summary>What the host sets on a session, shared by scheduling one and changing it.</summary>
public interface ILiveSessionFields
{
    string Title { get; }

    DateTimeOffset StartsAt { get; }

    DateTimeOffset EndsAt { get; }

    IReadOnlyList<Guid>? AssistantIds { get; }
}

internal sealed class LiveSessionFieldsValidator : AbstractValidator<ILiveSessionFields>
{
    public LiveSessionFieldsValidator()
    {
        RuleFor(s => s.Title).NotEmpty().MaximumLength(LiveSession.MaxTitleLength);
        RuleFor(s => s.EndsAt).GreaterThan(s => s.StartsAt).WithMessage("endsAt must be after startsAt.");
        RuleFor(s => s.AssistantIds!.Count).LessThanOrEqualTo(LiveSession.MaxAssistants).OverridePropertyName("assistantIds")
            .When(s => s.AssistantIds is not null);
    }
}

internal static class LiveSessionAssistants
{
    /// <summary>The assistants named, each an existing account; 422 <c>LIVE_SESSION_UNKNOWN_ASSISTANT</c> otherwise.</summary>
    public static async Task<IReadOnlyList<Guid>> CheckedAsync(this IReadDb db, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        var wanted = (ids ?? []).Distinct().ToArray();
        var found = wanted.Length == 0 ? 0 : await db.Primary.QuerySingleOrDefaultAsync<int>("SELECT count(*)::int FROM users WHERE id = ANY(@Ids)", new { Ids = wanted }, ct);
        return found == wanted.Length
            ? wanted
            : throw new UnprocessableException("LIVE_SESSION_UNKNOWN_ASSISTANT", "Every assistant must be an existing account.");
    }
}
