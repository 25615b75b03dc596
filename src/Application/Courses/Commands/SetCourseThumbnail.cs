using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Courses.Commands;

/// <summary>
/// Replaces a course's thumbnail. The resized files are written before the transaction commits; if it does not, they
/// stay behind unreferenced, which is harmless because they are named by content.
/// </summary>
public sealed record SetCourseThumbnailCommand(Guid CourseId, Stream Image, long Length) : ICommand<CourseDraftDto>;

internal sealed class SetCourseThumbnailValidator : AbstractValidator<SetCourseThumbnailCommand>
{
    public SetCourseThumbnailValidator() =>
        RuleFor(c => c.Length).InclusiveBetween(1, ThumbnailDto.MaxUploadBytes).OverridePropertyName("file")
            .WithMessage($"The image must be between 1 byte and {ThumbnailDto.MaxUploadBytes / 1024 / 1024} MB.");
}

internal sealed class SetCourseThumbnailHandler(IRepository<Course> courses, IThumbnailStore thumbnails, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetCourseThumbnailCommand, CourseDraftDto>
{
    public async ValueTask<CourseDraftDto> Handle(SetCourseThumbnailCommand command, CancellationToken cancellationToken)
    {
        var course = await courses.LoadForEditAsync(currentUser, command.CourseId, cancellationToken);
        course.SetThumbnail(await thumbnails.SaveAsync(command.Image, cancellationToken), clock.GetUtcNow());
        return CourseDraftDto.From(course);
    }
}
