using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Media;
using Mediator;

namespace LectureHub.Application.Media.Commands;

/// <summary>
/// Adds or replaces a lecture's WebVTT subtitles in one language (its instructor or an Admin). When the lecture has a
/// Ready video, its master playlist is written again with the SUBTITLES group (before the commit, like thumbnails: if
/// the commit fails, the next change or transcode writes it again from the stored tracks).
/// </summary>
public sealed record PutSubtitleCommand(Guid LectureId, string Language, string? Label, string Content) : ICommand<SubtitleDto>;

public sealed record SubtitleDto(Guid LectureId, string Language, string Label, DateTimeOffset UpdatedAt, Guid? PublishedToVideoId);

internal sealed class PutSubtitleValidator : AbstractValidator<PutSubtitleCommand>
{
    public PutSubtitleValidator()
    {
        RuleFor(c => c.Label).MaximumLength(LectureSubtitle.MaxLabelLength);
        RuleFor(c => c.Content).NotEmpty().Must(c => c.Length <= LectureSubtitle.MaxBytes).WithMessage("Subtitles are at most 1 MiB.");
    }
}

internal sealed class PutSubtitleHandler(
    IRepository<Course> courses, IRepository<LectureSubtitle> subtitles, IRepository<LectureVideo> videos, IRepository<TranscodeJob> jobs,
    IHlsPackager packager, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PutSubtitleCommand, SubtitleDto>
{
    public async ValueTask<SubtitleDto> Handle(PutSubtitleCommand command, CancellationToken cancellationToken)
    {
        await courses.LoadCourseOfLectureForEditAsync(currentUser, command.LectureId, cancellationToken);
        var now = clock.GetUtcNow();
        var all = await subtitles.ListAsync(new SubtitlesOfLectureSpec(command.LectureId), cancellationToken);
        var label = string.IsNullOrWhiteSpace(command.Label) ? command.Language : command.Label;
        var subtitle = all.FirstOrDefault(s => s.Language == command.Language);
        if (subtitle is null)
        {
            subtitle = LectureSubtitle.Create(command.LectureId, command.Language, label, command.Content, now);
            await subtitles.AddAsync(subtitle, cancellationToken);
            all.Add(subtitle);
        }
        else
        {
            subtitle.Replace(label, command.Content, now);
        }

        var video = await videos.SingleOrDefaultAsync(new NewestReadyVideoSpec(command.LectureId), cancellationToken);
        if (video is not null)
        {
            await packager.WriteMasterAsync(video, await jobs.ListAsync(new JobsOfVideoSpec(video.Id), cancellationToken), all, cancellationToken);
        }

        return new SubtitleDto(subtitle.LectureId, subtitle.Language, subtitle.Label, subtitle.UpdatedAt, video?.Id);
    }
}
