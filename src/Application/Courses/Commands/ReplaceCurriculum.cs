using System.Text.Json.Serialization;
using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Courses.Commands;

/// <summary>
/// Sets the whole curriculum in display order. Give the id of an existing section or lecture to keep it (a lecture may
/// move between sections); leave it out to add one; omit an existing one to remove it.
/// </summary>
public sealed record ReplaceCurriculumCommand(IReadOnlyList<SectionPlan> Sections) : ICommand<CourseDraftDto>
{
    public const int MaxSections = 100;
    public const int MaxLectures = 1000;

    [JsonIgnore]
    public Guid CourseId { get; init; }
}

internal sealed class ReplaceCurriculumValidator : AbstractValidator<ReplaceCurriculumCommand>
{
    public ReplaceCurriculumValidator()
    {
        RuleFor(c => c.Sections).NotNull().Must(s => s.Count <= ReplaceCurriculumCommand.MaxSections)
            .WithMessage($"At most {ReplaceCurriculumCommand.MaxSections} sections.");
        RuleFor(c => c.Sections).Must(s => s.Sum(x => x.Lectures?.Count ?? 0) <= ReplaceCurriculumCommand.MaxLectures)
            .When(c => c.Sections is not null).WithMessage($"At most {ReplaceCurriculumCommand.MaxLectures} lectures.");
        RuleForEach(c => c.Sections).ChildRules(section =>
        {
            section.RuleFor(s => s.Title).NotEmpty().MaximumLength(Section.MaxTitleLength);
            section.RuleFor(s => s.Lectures).NotNull();
            section.RuleForEach(s => s.Lectures).ChildRules(lecture =>
            {
                lecture.RuleFor(l => l.Title).NotEmpty().MaximumLength(Lecture.MaxTitleLength);
                lecture.RuleFor(l => l.DurationSeconds).InclusiveBetween(0, Lecture.MaxDurationSeconds);
            });
        });
    }
}

internal sealed class ReplaceCurriculumHandler(IRepository<Course> courses, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReplaceCurriculumCommand, CourseDraftDto>
{
    public async ValueTask<CourseDraftDto> Handle(ReplaceCurriculumCommand command, CancellationToken cancellationToken)
    {
        var course = await courses.LoadForEditAsync(currentUser, command.CourseId, cancellationToken);
        course.ReplaceCurriculum(command.Sections, clock.GetUtcNow());
        return CourseDraftDto.From(course);
    }
}
