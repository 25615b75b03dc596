using LectureHub.Domain.Media;

namespace LectureHub.Application.Media;

/// <summary>An upload and what became of it; <see cref="Upload"/> says where the remaining bytes go while it is open.</summary>
public sealed record VideoUploadDto(
    Guid Id, Guid LectureId, string FileName, long SizeBytes, long ReceivedBytes, VideoStatus Status, string? ErrorCode, string? Error,
    double? DurationSeconds, int? Width, int? Height, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, UploadTarget? Upload)
{
    public static VideoUploadDto From(LectureVideo video, IVideoStorage storage) => new(
        video.Id, video.LectureId, video.FileName, video.SizeBytes, video.ReceivedBytes, video.Status, video.ErrorCode, video.Error,
        video.DurationSeconds, video.Width, video.Height, video.CreatedAt, video.UpdatedAt,
        video.Status == VideoStatus.Uploading ? storage.UploadTarget(video.Id, video.SourceKey, video.SizeBytes) : null);
}
