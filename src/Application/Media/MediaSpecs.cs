using Ardalis.Specification;
using LectureHub.Domain.Media;

namespace LectureHub.Application.Media;

public sealed class NewestReadyVideoSpec : SingleResultSpecification<LectureVideo>
{
    public NewestReadyVideoSpec(Guid lectureId) =>
        Query.Where(v => v.LectureId == lectureId && v.Status == VideoStatus.Ready).OrderByDescending(v => v.CreatedAt).Take(1);
}

public sealed class RenditionJobSpec : SingleResultSpecification<TranscodeJob>
{
    public RenditionJobSpec(Guid videoId, int height) => Query.Where(j => j.VideoId == videoId && j.Height == height);
}

public sealed class JobsOfVideoSpec : Specification<TranscodeJob>
{
    public JobsOfVideoSpec(Guid videoId) => Query.Where(j => j.VideoId == videoId);
}

public sealed class SubtitlesOfLectureSpec : Specification<LectureSubtitle>
{
    public SubtitlesOfLectureSpec(Guid lectureId) => Query.Where(s => s.LectureId == lectureId);
}
