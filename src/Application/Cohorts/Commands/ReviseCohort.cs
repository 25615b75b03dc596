using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Courses;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Cohorts.Commands;

/// <summary>
/// The owner or an Admin changes a cohort's details (and, when given, its form or terms, as new versions). What may
/// change once people applied is the aggregate's rule. Seats added go first to the waitlist, in its order.
/// </summary>
public sealed record ReviseCohortCommand(
    Guid Id, string Title, string? Description, Guid? CourseId, int Capacity, int WaitlistCapacity, SelectionType Selection,
    DateTimeOffset RecruitStartsAt, DateTimeOffset RecruitEndsAt, DateTimeOffset ClassStartsAt, DateTimeOffset ClassEndsAt,
    string? Location, bool IsOnline, long FeeKrw, CohortVisibility Visibility,
    IReadOnlyList<FormQuestion>? Questions, IReadOnlyList<CohortTerm>? Terms, Guid? CategoryId = null, string? Region = null)
    : ICommand<CohortDto>, ICohortFields;

internal sealed class ReviseCohortValidator : AbstractValidator<ReviseCohortCommand>
{
    public ReviseCohortValidator() => Include(new CohortFieldsValidator());
}

internal sealed class ReviseCohortHandler(
    IRepository<Cohort> cohorts, IRepository<CohortApplication> applications, IRepository<Course> courses, ICohortSeats seats,
    CohortPayments payments, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReviseCohortCommand, CohortDto>
{
    public async ValueTask<CohortDto> Handle(ReviseCohortCommand command, CancellationToken cancellationToken)
    {
        // Exclusive: no application is being made meanwhile, so "has anyone applied" stays true until commit.
        await seats.HoldCohortAsync(command.Id, exclusive: true, cancellationToken);
        var cohort = await cohorts.LoadAsync(command.Id, cancellationToken);
        currentUser.EnsureCanManage(cohort.OwnerId);
        var course = command.CourseId is { } courseId ? await courses.LoadForEditAsync(currentUser, courseId, cancellationToken) : null;
        var now = clock.GetUtcNow();
        var (capacity, waitlist) = (cohort.Capacity, cohort.WaitlistCapacity);
        cohort.Revise(command.ToDetails(course?.CategoryId), await applications.AnyAsync(new CohortApplicationsSpec(cohort.Id), cancellationToken), now);
        if (command.Questions is { } questions)
        {
            cohort.ReviseForm(questions, now);
        }

        if (command.Terms is { } terms)
        {
            cohort.ReviseTerms(terms, now);
        }

        await seats.ResizeAsync(cohort.Id, (capacity, waitlist), (cohort.Capacity, cohort.WaitlistCapacity), cancellationToken);
        foreach (var promotedId in await seats.FillSeatsFromWaitlistAsync(cohort.Id, cancellationToken))
        {
            (await applications.LoadAsync(cohort.Id, promotedId, cancellationToken)).Promote(now, cohort.PaymentDueFor(now, payments.Window));
        }

        return CohortDto.From(cohort, await seats.CountAsync(cohort, cancellationToken));
    }
}
