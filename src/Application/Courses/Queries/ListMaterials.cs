using LectureHub.Application.Abstractions;
using LectureHub.Application.Media;
using Mediator;

namespace LectureHub.Application.Courses.Queries;

/// <summary>
/// A lecture's materials, oldest first, each with a download URL signed like its video's playback (CloudFront, or
/// the API's own signed CDN) for <see cref="Lifetime"/>: for whoever may watch the lecture.
/// </summary>
public sealed record ListMaterialsQuery(Guid LectureId, string RequestBaseUrl) : IQuery<IReadOnlyList<MaterialDto>>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
}

internal sealed class ListMaterialsHandler(IReadDb db, IPlaybackSigner signer, ICurrentUser currentUser) : IQueryHandler<ListMaterialsQuery, IReadOnlyList<MaterialDto>>
{
    private const string LectureSql = """
        SELECT s.course_id AS "CourseId", c.instructor_id AS "InstructorId", c.status = 'Published' AS "Published", l.is_free_preview AS "IsFreePreview",
               (c.status = 'Published' AND EXISTS (SELECT 1 FROM enrollments e
                    WHERE e.course_id = c.id AND e.student_id = @StudentId AND e.status = 'Active')) AS "Enrolled"
        FROM lectures l JOIN sections s ON s.id = l.section_id JOIN courses c ON c.id = s.course_id
        WHERE l.id = @LectureId
        """;

    private const string MaterialsSql = """
        SELECT id AS "Id", lecture_id AS "LectureId", file_name AS "FileName", content_type AS "ContentType", size_bytes AS "SizeBytes",
               sha256 AS "Sha256", path AS "Path", created_at AS "CreatedAt"
        FROM lecture_materials WHERE lecture_id = @LectureId ORDER BY created_at, id
        """;

    public async ValueTask<IReadOnlyList<MaterialDto>> Handle(ListMaterialsQuery query, CancellationToken cancellationToken)
    {
        var lecture = await db.QuerySingleOrDefaultAsync<LectureRow>(LectureSql, new { query.LectureId, StudentId = currentUser.UserId }, cancellationToken)
                      ?? throw VideoAccess.LectureNotFound(query.LectureId);
        currentUser.EnsureCanWatch(lecture.InstructorId, lecture.Published, lecture.IsFreePreview, lecture.Enrolled);
        var rows = await db.QueryAsync<Row>(MaterialsSql, new { query.LectureId }, cancellationToken);
        return rows.Select(r =>
        {
            var grant = signer.Sign(r.Path, ListMaterialsQuery.Lifetime, query.RequestBaseUrl);
            return new MaterialDto(r.Id, r.LectureId, r.FileName, r.ContentType, r.SizeBytes, r.Sha256, r.CreatedAt, grant.SignedMasterUrl, grant.ExpiresAt);
        }).ToList();
    }

    private sealed record LectureRow(Guid CourseId, Guid InstructorId, bool Published, bool IsFreePreview, bool Enrolled);

    private sealed record Row(Guid Id, Guid LectureId, string FileName, string ContentType, long SizeBytes, string Sha256, string Path, DateTimeOffset CreatedAt);
}
