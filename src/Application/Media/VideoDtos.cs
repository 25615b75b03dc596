using LectureHub.Domain.Media;

namespace LectureHub.Application.Media;

/// <summary>One rendition's encode: Queued, Running with its progress, Done, or Failed with the error (retry it alone).</summary>
public sealed record RenditionDto(int Height, TranscodeJobStatus Status, int ProgressPercent, int Attempts, string? Error);

/// <summary>
/// An upload and what became of it: <see cref="Upload"/> says where the remaining bytes go while it is open; then
/// Queued, Processing with <see cref="ProgressPercent"/> (the renditions' mean), Ready, or Failed with the error.
/// </summary>
public sealed record VideoUploadDto(
    Guid Id, Guid LectureId, string FileName, long SizeBytes, long ReceivedBytes, VideoStatus Status, int ProgressPercent, string? ErrorCode,
    string? Error, double? DurationSeconds, int? Width, int? Height, IReadOnlyList<RenditionDto> Renditions, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, UploadTarget? Upload)
{
    public static VideoUploadDto From(LectureVideo video, IVideoStorage storage, IReadOnlyList<TranscodeJob>? jobs = null)
    {
        var renditions = (jobs ?? []).OrderBy(j => j.Height).Select(j => new RenditionDto(j.Height, j.Status, j.ProgressPercent, j.Attempts, j.Error)).ToList();
        var progress = video.Status switch
        {
            VideoStatus.Ready => 100,
            VideoStatus.Processing or VideoStatus.Failed when renditions.Count > 0 => (int)renditions.Average(r => r.ProgressPercent),
            _ => 0,
        };
        return new(video.Id, video.LectureId, video.FileName, video.SizeBytes, video.ReceivedBytes, video.Status, progress, video.ErrorCode, video.Error,
            video.DurationSeconds, video.Width, video.Height, renditions, video.CreatedAt, video.UpdatedAt,
            video.Status == VideoStatus.Uploading ? storage.UploadTarget(video.Id, video.SourceKey, video.SizeBytes) : null);
    }
}
