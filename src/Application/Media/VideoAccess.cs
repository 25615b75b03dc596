using Ardalis.Specification;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Media;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Media;

internal static class VideoAccess
{
    public static NotFoundException LectureNotFound(Guid id) => new("LECTURE_NOT_FOUND", $"Lecture {id} does not exist.");

    public static NotFoundException UploadNotFound(Guid id) => new("VIDEO_UPLOAD_NOT_FOUND", $"Video upload {id} does not exist.");

    /// <summary>
    /// Who may watch a lecture, and download its materials: an Admin, the course's instructor, an enrolled student,
    /// or anyone for a free preview of a published course. Others are told to sign in (401) or to enrol (403).
    /// </summary>
    public static void EnsureCanWatch(this ICurrentUser user, Guid instructorId, bool published, bool freePreview, bool enrolled)
    {
        if (user.Role == Role.Admin || instructorId == user.UserId || enrolled || (published && freePreview))
        {
            return;
        }

        throw user.UserId is null
            ? new UnauthorizedException("SIGN_IN_REQUIRED", "Sign in to watch this lecture.")
            : new ForbiddenException("ENROLLMENT_REQUIRED", "Enrol in the course to watch this lecture.");
    }

    /// <summary>The course holding a lecture, for its instructor or an Admin: 404 if the lecture is missing, else 403.</summary>
    public static async Task<Course> LoadCourseOfLectureForEditAsync(this IRepository<Course> courses, ICurrentUser user, Guid lectureId, CancellationToken ct) =>
        user.EnsureCanEdit(await courses.SingleOrDefaultAsync(new CourseOfLectureSpec(lectureId), ct) ?? throw LectureNotFound(lectureId));

    /// <summary>(Re)writes a video's master playlist over its renditions and the lecture's subtitle tracks.</summary>
    public static Task<string> WriteMasterAsync(
        this IHlsPackager packager, LectureVideo video, IEnumerable<TranscodeJob> jobs, IEnumerable<LectureSubtitle> subtitles, CancellationToken ct) =>
        packager.WriteMasterAsync(video.Id, video.SourceKey, video.DurationSeconds ?? 0, jobs.Select(j => j.Height).Order().ToList(),
            subtitles.Select(s => new SubtitleTrack(s.Language, s.Label, s.Content)).ToList(), ct);

    /// <summary>
    /// Every byte arrived: ffprobe must find a video in it (then one transcode job per rendition is queued), or the
    /// upload fails with NOT_A_VIDEO.
    /// </summary>
    public static async Task<VideoUploadDto> CloseUploadAsync(
        LectureVideo video, IVideoStorage storage, IMediaProbe probe, IRepository<TranscodeJob> jobs, TimeProvider clock, CancellationToken ct)
    {
        var info = await probe.ProbeAsync(await storage.LocalPathAsync(video.SourceKey, ct), ct);
        if (info is null)
        {
            video.Fail("NOT_A_VIDEO", "ffprobe found no video stream in the upload.", clock.GetUtcNow());
            return VideoUploadDto.From(video, storage);
        }

        video.Accept(info.DurationSeconds, info.Width, info.Height, clock.GetUtcNow());
        var queued = TranscodeJob.ForVideo(video, clock.GetUtcNow());
        await jobs.AddRangeAsync(queued, ct);
        return VideoUploadDto.From(video, storage, queued);
    }

    /// <summary>Loads an upload for its uploader or an Admin; anyone else is told it does not exist.</summary>
    public static async Task<LectureVideo> LoadUploadAsync(this IRepository<LectureVideo> videos, ICurrentUser user, Guid id, CancellationToken ct)
    {
        var video = await videos.GetByIdAsync(id, ct);
        return video is not null && (user.Role == Role.Admin || video.UploadedBy == user.UserId) ? video : throw UploadNotFound(id);
    }
}
