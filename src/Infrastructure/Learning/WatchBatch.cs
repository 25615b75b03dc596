using LectureHub.Application.Learning;

namespace LectureHub.Infrastructure.Learning;

/// <summary>A claimed batch: its id (to acknowledge it) and its records.</summary>
internal sealed record WatchBatch(long Id, IReadOnlyList<WatchRecord> Records);
