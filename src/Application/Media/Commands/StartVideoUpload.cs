using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Media;
using Mediator;

namespace LectureHub.Application.Media.Commands;

/// <summary>
/// The course's instructor (or an Admin) opens an upload for a lecture's video. The answer says where the bytes go;
/// with local storage they are sent in chunks and the upload can resume after a dropped connection.
/// </summary>
public sealed record StartVideoUploadCommand(Guid LectureId, string FileName, long SizeBytes) : ICommand<VideoUploadDto>;

internal sealed class StartVideoUploadValidator : AbstractValidator<StartVideoUploadCommand>
{
    public StartVideoUploadValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().MaximumLength(LectureVideo.MaxFileNameLength);
        RuleFor(c => c.SizeBytes).InclusiveBetween(1, LectureVideo.MaxUploadBytes).WithMessage("A video is between 1 byte and 4 GiB.");
    }
}

internal sealed class StartVideoUploadHandler(
    IRepository<Course> courses, IRepository<LectureVideo> videos, IVideoStorage storage, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<StartVideoUploadCommand, VideoUploadDto>
{
    public async ValueTask<VideoUploadDto> Handle(StartVideoUploadCommand command, CancellationToken cancellationToken)
    {
        var course = await courses.LoadCourseOfLectureForEditAsync(currentUser, command.LectureId, cancellationToken);
        var video = LectureVideo.StartUpload(command.LectureId, course.Id, currentUser.RequiredUserId, command.FileName, command.SizeBytes, clock.GetUtcNow());
        await videos.AddAsync(video, cancellationToken);
        return VideoUploadDto.From(video, storage);
    }
}
