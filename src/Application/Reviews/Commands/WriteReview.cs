using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Application.Enrollments;
using LectureHub.Application.Learning;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Enrollments;
using LectureHub.Domain.Reviews;
using Mediator;

namespace LectureHub.Application.Reviews.Commands;

/// <summary>
/// A student with an active enrolment reviews the course, once. The course's rating count and sum move in the same
/// transaction, and the review keeps the student's verified progress at this moment. Returns the review's id.
/// </summary>
public sealed record WriteReviewCommand(Guid CourseId, int Rating, string Body) : ICommand<Guid>;

internal sealed class WriteReviewValidator : AbstractValidator<WriteReviewCommand>
{
    public WriteReviewValidator() => this.ValidReview(c => c.Rating, c => c.Body);
}

internal sealed class WriteReviewHandler(
    IRepository<Review> reviews, IRepository<Course> courses, IRepository<Enrollment> enrollments, ICourseStats stats, ICourseProgress progress,
    ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<WriteReviewCommand, Guid>
{
    public async ValueTask<Guid> Handle(WriteReviewCommand command, CancellationToken cancellationToken)
    {
        var student = currentUser.RequiredUserId;
        if (await courses.GetByIdAsync(command.CourseId, cancellationToken) is null)
        {
            throw CourseAccess.NotFound(command.CourseId);
        }

        var enrollment = await enrollments.SingleOrDefaultAsync(new StudentEnrollmentSpec(student, command.CourseId), cancellationToken);
        if (enrollment is not { Status: EnrollmentStatus.Active })
        {
            throw new ForbiddenException("ENROLLMENT_REQUIRED", "Only students enrolled in the course can review it.");
        }

        if (await reviews.AnyAsync(new ReviewByStudentSpec(command.CourseId, student), cancellationToken))
        {
            throw new ConflictException("REVIEW_EXISTS", "You have reviewed this course already; edit your review instead.");
        }

        var percent = await progress.PercentAsync(student, command.CourseId, cancellationToken);
        var review = Review.Write(command.CourseId, student, command.Rating, command.Body, percent, clock.GetUtcNow());
        await reviews.AddAsync(review, cancellationToken);
        await stats.RateAsync(command.CourseId, +1, command.Rating, cancellationToken);
        return review.Id;
    }
}
