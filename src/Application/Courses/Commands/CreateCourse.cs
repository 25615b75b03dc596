using LectureHub.Application.Abstractions;
using LectureHub.Domain.Categories;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Courses.Commands;

/// <summary>An instructor starts a course as a draft.</summary>
public sealed record CreateCourseCommand(
    Guid CategoryId, string Title, string Summary, string? Description, CourseLevel Level, string Language, long PriceKrw, IReadOnlyList<string>? Tags)
    : ICommand<CourseDraftDto>, ICourseDetailsFields;

internal sealed class CreateCourseValidator : CourseDetailsValidator<CreateCourseCommand>;

internal sealed class CreateCourseHandler(
    IRepository<Course> courses, IRepository<Category> categories, ICourseStats stats, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateCourseCommand, CourseDraftDto>
{
    public async ValueTask<CourseDraftDto> Handle(CreateCourseCommand command, CancellationToken cancellationToken)
    {
        await categories.EnsureCategoryExistsAsync(command.CategoryId, cancellationToken);
        var course = Course.Draft(currentUser.RequiredUserId, command.ToDetails(), clock.GetUtcNow());
        await courses.AddAsync(course, cancellationToken);
        stats.Start(course.Id);
        return CourseDraftDto.From(course);
    }
}
