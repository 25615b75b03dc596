using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Queries;

/// <summary>The moderation queue (Admin): reports in a status, oldest first, with what they are about.</summary>
public sealed record ListReportsQuery(ReportStatus Status = ReportStatus.Open, string? Cursor = null, int Limit = 50) : IQuery<ReportPage>, IPagedQuery
{
    public static int MaxLimit => 100;
}

public sealed record ReportPage(IReadOnlyList<ReportDto> Items, string? NextCursor);

internal sealed class ListReportsValidator : AbstractValidator<ListReportsQuery>
{
    public ListReportsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Cursor).Must(c => c is null || OpaqueCursor.TryDecode<ReportCursor>(c, out _)).WithMessage("The cursor is invalid; start again without it.");
    }
}

internal sealed record ReportCursor(DateTimeOffset Time, Guid Id);

internal sealed class ListReportsHandler(IReadDb db) : IQueryHandler<ListReportsQuery, ReportPage>
{
    private const string Sql = """
        SELECT r.id AS "Id", r.target_kind AS "TargetKind", r.target_id AS "TargetId", coalesce(p.id, c.post_id) AS "PostId",
               left(coalesce(p.title, c.body_markdown, ''), 160) AS "TargetExcerpt",
               coalesce(p.is_hidden, c.is_hidden, false) AS "TargetHidden", r.reporter_id AS "ReporterId", r.reason AS "Reason",
               r.detail AS "Detail", r.status AS "Status", r.created_at AS "CreatedAt",
               (SELECT count(*) FROM reports o WHERE o.target_kind = r.target_kind AND o.target_id = r.target_id AND o.status = 'Open')::int AS "OpenReportsOnTarget"
        FROM reports r
        LEFT JOIN posts p ON r.target_kind = 'Post' AND p.id = r.target_id
        LEFT JOIN comments c ON r.target_kind = 'Comment' AND c.id = r.target_id
        WHERE r.status = @Status
        """;

    public async ValueTask<ReportPage> Handle(ListReportsQuery query, CancellationToken cancellationToken)
    {
        var cursor = query.Cursor is { } text && OpaqueCursor.TryDecode<ReportCursor>(text, out var decoded) ? decoded : null;
        var sql = Sql + (cursor is null ? "" : " AND (r.created_at, r.id) > (@KeyTime, @KeyId)") + " ORDER BY r.created_at, r.id LIMIT @Take";
        var rows = await db.QueryAsync<ReportDto>(sql, new { Status = query.Status.ToString(), KeyTime = cursor?.Time, KeyId = cursor?.Id, Take = query.Limit + 1 },
            cancellationToken);
        var next = rows.Count > query.Limit ? OpaqueCursor.Encode(new ReportCursor(rows[query.Limit - 1].CreatedAt, rows[query.Limit - 1].Id)) : null;
        return new ReportPage(rows.Take(query.Limit).ToList(), next);
    }
}
