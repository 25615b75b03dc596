using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Courses;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Cohorts.Commands;

/// <summary>An instructor (for their own course, if linked) or an Admin opens a cohort for applications.</summary>
public sealed record CreateCohortCommand(
    string Title, string? Description, Guid? CourseId, int Capacity, int WaitlistCapacity, SelectionType Selection,
    DateTimeOffset RecruitStartsAt, DateTimeOffset RecruitEndsAt, DateTimeOffset ClassStartsAt, DateTimeOffset ClassEndsAt,
    string? Location, bool IsOnline, long FeeKrw, CohortVisibility Visibility,
    IReadOnlyList<FormQuestion>? Questions, IReadOnlyList<CohortTerm>? Terms, Guid? CategoryId = null, string? Region = null)
    : ICommand<CohortDto>, ICohortFields;

internal sealed class CreateCohortValidator : AbstractValidator<CreateCohortCommand>
{
    public CreateCohortValidator() => Include(new CohortFieldsValidator());
}

internal sealed class CreateCohortHandler(
    IRepository<Cohort> cohorts, IRepository<Course> courses, ICohortSeats seats, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateCohortCommand, CohortDto>
{
    public async ValueTask<CohortDto> Handle(CreateCohortCommand command, CancellationToken cancellationToken)
    {
        var course = command.CourseId is { } courseId ? await courses.LoadForEditAsync(currentUser, courseId, cancellationToken) : null;
        var cohort = Cohort.Create(currentUser.RequiredUserId, command.ToDetails(course?.CategoryId), command.Questions ?? [], command.Terms ?? [], clock.GetUtcNow());
        await cohorts.AddAsync(cohort, cancellationToken);
        await seats.OpenAsync(cohort, cancellationToken);
        return CohortDto.From(cohort, new SeatsDto(cohort.Capacity, 0, cohort.WaitlistCapacity, 0));
    }
}
