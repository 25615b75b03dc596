using System.Text.Json.Serialization;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Categories;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Courses.Commands;

/// <summary>Replaces a course's descriptive fields. The id comes from the route.</summary>
public sealed record UpdateCourseCommand(
    Guid CategoryId, string Title, string Summary, string? Description, CourseLevel Level, string Language, long PriceKrw, IReadOnlyList<string>? Tags)
    : ICommand<CourseDraftDto>, ICourseDetailsFields
{
    [JsonIgnore]
    public Guid Id { get; init; }
}

internal sealed class UpdateCourseValidator : CourseDetailsValidator<UpdateCourseCommand>;

internal sealed class UpdateCourseHandler(IRepository<Course> courses, IRepository<Category> categories, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateCourseCommand, CourseDraftDto>
{
    public async ValueTask<CourseDraftDto> Handle(UpdateCourseCommand command, CancellationToken cancellationToken)
    {
        var course = await courses.LoadForEditAsync(currentUser, command.Id, cancellationToken);
        await categories.EnsureCategoryExistsAsync(command.CategoryId, cancellationToken);
        course.UpdateDetails(command.ToDetails(), clock.GetUtcNow());
        return CourseDraftDto.From(course);
    }
}
