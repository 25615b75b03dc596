using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Application.Learning;
using LectureHub.Domain.Reviews;
using Mediator;

namespace LectureHub.Application.Reviews.Commands;

/// <summary>The reviewer changes their rating and text; the course's rating sum moves by the difference, and the progress shown is today's.</summary>
public sealed record EditReviewCommand(Guid ReviewId, int Rating, string Body) : ICommand;

internal sealed class EditReviewValidator : AbstractValidator<EditReviewCommand>
{
    public EditReviewValidator() => this.ValidReview(c => c.Rating, c => c.Body);
}

internal sealed class EditReviewHandler(IRepository<Review> reviews, ICourseStats stats, ICourseProgress progress, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<EditReviewCommand>
{
    public async ValueTask<Unit> Handle(EditReviewCommand command, CancellationToken cancellationToken)
    {
        var review = await reviews.LoadAsync(command.ReviewId, cancellationToken);
        if (review.StudentId != currentUser.RequiredUserId)
        {
            throw new ForbiddenException("NOT_AUTHOR", "Only the reviewer can change this review.");
        }

        var percent = await progress.PercentAsync(review.StudentId, review.CourseId, cancellationToken);
        if (review.Edit(command.Rating, command.Body, percent, clock.GetUtcNow()) is var delta and not 0)
        {
            await stats.RateAsync(review.CourseId, 0, delta, cancellationToken);
        }

        return Unit.Value;
    }
}
