using FluentValidation;
using LectureHub.Domain.Community;

namespace LectureHub.Application.Community;

/// <summary>The shape of community writing, for every command that carries it.</summary>
internal static class CommunityRules
{
    public static void ValidPostText<T>(this AbstractValidator<T> validator, Func<T, string> title, Func<T, string> body)
    {
        validator.RuleFor(c => title(c)).NotEmpty().MaximumLength(Post.MaxTitleLength).OverridePropertyName("title");
        validator.RuleFor(c => body(c)).NotEmpty().MaximumLength(Post.MaxBodyLength).OverridePropertyName("body");
    }

    public static void ValidCommentText<T>(this AbstractValidator<T> validator, Func<T, string> body) =>
        validator.RuleFor(c => body(c)).NotEmpty().MaximumLength(Comment.MaxBodyLength).OverridePropertyName("body");

    public static void ValidBoardNames<T>(this AbstractValidator<T> validator, Func<T, string> ko, Func<T, string> en, Func<T, string?> description, Func<T, int> sortOrder)
    {
        validator.RuleFor(c => ko(c)).NotEmpty().MaximumLength(Board.MaxNameLength).OverridePropertyName("nameKo");
        validator.RuleFor(c => en(c)).NotEmpty().MaximumLength(Board.MaxNameLength).OverridePropertyName("nameEn");
        validator.RuleFor(c => description(c)).MaximumLength(Board.MaxDescriptionLength).OverridePropertyName("description");
        validator.RuleFor(c => sortOrder(c)).InclusiveBetween(0, 10_000).OverridePropertyName("sortOrder");
    }

    /// <summary>Hides or shows a comment and moves its post's visible-comment count with it, in one transaction.</summary>
    public static async Task HideCountedAsync(this Comment comment, bool hidden, ICommunityStats stats, CancellationToken ct)
    {
        if (comment.Hide(hidden) is var delta and not 0)
        {
            await stats.CountCommentAsync(comment.PostId, delta, ct);
        }
    }
}
