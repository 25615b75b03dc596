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
    IReadOnlyList<FormQuestion>? Questions, IReadOnlyList<CohortTerm>? Terms) : ICommand<CohortDto>;

internal sealed class CreateCohortValidator : AbstractValidator<CreateCohortCommand>
{
    public CreateCohortValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Cohort.MaxTitleLength);
        RuleFor(c => c.Description).MaximumLength(Cohort.MaxDescriptionLength);
        RuleFor(c => c.Location).MaximumLength(Cohort.MaxLocationLength);
        RuleFor(c => c.Selection).IsInEnum();
        RuleFor(c => c.Visibility).IsInEnum();
        RuleFor(c => c.Questions).Must(q => q is null || q.Count <= CohortForm.MaxQuestions).WithMessage($"At most {CohortForm.MaxQuestions} questions.");
        RuleForEach(c => c.Questions).SetValidator(new FormQuestionValidator());
        RuleFor(c => c.Terms).Must(t => t is null || t.Count <= CohortTerm.MaxTerms).WithMessage($"At most {CohortTerm.MaxTerms} terms.");
        RuleForEach(c => c.Terms).SetValidator(new CohortTermValidator());
    }
}

internal sealed class CreateCohortHandler(
    IRepository<Cohort> cohorts, IRepository<Course> courses, ICohortSeats seats, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateCohortCommand, CohortDto>
{
    public async ValueTask<CohortDto> Handle(CreateCohortCommand command, CancellationToken cancellationToken)
    {
        if (command.CourseId is { } courseId)
        {
            await courses.LoadForEditAsync(currentUser, courseId, cancellationToken);
        }

        var details = new CohortDetails(
            command.Title, command.Description ?? "", command.CourseId, command.Capacity, command.WaitlistCapacity, command.Selection,
            command.RecruitStartsAt, command.RecruitEndsAt, command.ClassStartsAt, command.ClassEndsAt, command.Location, command.IsOnline,
            command.FeeKrw, command.Visibility);
        var cohort = Cohort.Create(currentUser.RequiredUserId, details, command.Questions ?? [], command.Terms ?? [], clock.GetUtcNow());
        await cohorts.AddAsync(cohort, cancellationToken);
        await seats.OpenAsync(cohort, cancellationToken);
        return CohortDto.From(cohort, new SeatsDto(cohort.Capacity, 0, cohort.WaitlistCapacity, 0));
    }
}
