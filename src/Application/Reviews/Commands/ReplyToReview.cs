using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Reviews;
using Mediator;

namespace LectureHub.Application.Reviews.Commands;

/// <summary>The course's instructor replies to a review, once; the reviewer is notified.</summary>
public sealed record ReplyToReviewCommand(Guid ReviewId, string Reply) : ICommand;

internal sealed class ReplyToReviewValidator : AbstractValidator<ReplyToReviewCommand>
{
    public ReplyToReviewValidator() => RuleFor(c => c.Reply).NotEmpty().MaximumLength(Review.MaxReplyLength);
}

internal sealed class ReplyToReviewHandler(IRepository<Review> reviews, IRepository<Course> courses, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReplyToReviewCommand>
{
    public async ValueTask<Unit> Handle(ReplyToReviewCommand command, CancellationToken cancellationToken)
    {
        var review = await reviews.LoadAsync(command.ReviewId, cancellationToken);
        var course = await courses.GetByIdAsync(review.CourseId, cancellationToken) ?? throw CourseAccess.NotFound(review.CourseId);
        if (!course.IsOwnedBy(currentUser.RequiredUserId))
        {
            throw new ForbiddenException("NOT_COURSE_INSTRUCTOR", "Only the course's instructor can do this.");
        }

        review.ReplyAsInstructor(command.Reply, clock.GetUtcNow());
        return Unit.Value;
    }
}
