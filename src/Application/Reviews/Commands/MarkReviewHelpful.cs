using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Reviews;
using Mediator;

namespace LectureHub.Application.Reviews.Commands;

/// <summary>A signed-in user marks someone else's review helpful: one vote each, idempotent.</summary>
public sealed record MarkReviewHelpfulCommand(Guid ReviewId) : ICommand<HelpfulStateDto>;

/// <summary>Takes the vote back; idempotent.</summary>
public sealed record UnmarkReviewHelpfulCommand(Guid ReviewId) : ICommand<HelpfulStateDto>;

internal sealed class MarkReviewHelpfulHandler(IRepository<Review> reviews, IReviewVotes votes, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MarkReviewHelpfulCommand, HelpfulStateDto>
{
    public async ValueTask<HelpfulStateDto> Handle(MarkReviewHelpfulCommand command, CancellationToken cancellationToken)
    {
        var review = await reviews.LoadAsync(command.ReviewId, cancellationToken);
        var voter = currentUser.RequiredUserId;
        if (review.StudentId == voter)
        {
            throw new ConflictException("OWN_REVIEW", "You cannot mark your own review helpful.");
        }

        return new HelpfulStateDto(review.Id, MarkedByMe: true, await votes.MarkHelpfulAsync(review.Id, voter, clock.GetUtcNow(), cancellationToken));
    }
}

internal sealed class UnmarkReviewHelpfulHandler(IReviewVotes votes, ICurrentUser currentUser) : ICommandHandler<UnmarkReviewHelpfulCommand, HelpfulStateDto>
{
    public async ValueTask<HelpfulStateDto> Handle(UnmarkReviewHelpfulCommand command, CancellationToken cancellationToken) =>
        new(command.ReviewId, MarkedByMe: false, await votes.UnmarkHelpfulAsync(command.ReviewId, currentUser.RequiredUserId, cancellationToken));
}
