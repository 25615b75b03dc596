using System.Text.Json;
using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using Mediator;

namespace LectureHub.Application.Audit.Queries;

/// <summary>The Admin audit log, newest first, optionally for one target, one Admin or one action; keyset pages.</summary>
public sealed record ListAuditLogQuery(Guid? TargetId = null, Guid? AdminId = null, string? Action = null, string? Cursor = null, int Limit = 50)
    : IQuery<AuditPage>, IPagedQuery
{
    public static int MaxLimit => 200;
}

public sealed record AuditEntryDto(
    Guid Id, Guid AdminId, string? AdminEmail, string Action, string TargetType, Guid TargetId, JsonElement? Before, JsonElement? After, DateTimeOffset At);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, string? NextCursor);

internal sealed class ListAuditLogValidator : AbstractValidator<ListAuditLogQuery>
{
    public ListAuditLogValidator()
    {
        RuleFor(q => q.Action).MaximumLength(Domain.Audit.AuditEntry.MaxActionLength);
        RuleFor(q => q.Cursor).Must(c => c is null || OpaqueCursor.TryDecode<AuditCursor>(c, out _)).WithMessage("The cursor is invalid; start again without it.");
    }
}

internal sealed record AuditCursor(DateTimeOffset Time, Guid Id);

internal sealed class ListAuditLogHandler(IReadDb db) : IQueryHandler<ListAuditLogQuery, AuditPage>
{
    private sealed record Row(Guid Id, Guid AdminId, string? AdminEmail, string Action, string TargetType, Guid TargetId, string? Before, string? After, DateTimeOffset At);

    private const string Sql = """
        SELECT a.id AS "Id", a.admin_id AS "AdminId", u.email AS "AdminEmail", a.action AS "Action", a.target_type AS "TargetType",
               a.target_id AS "TargetId", a.before::text AS "Before", a.after::text AS "After", a.occurred_at AS "At"
        FROM audit_entries a
        LEFT JOIN users u ON u.id = a.admin_id
        WHERE (@TargetId::uuid IS NULL OR a.target_id = @TargetId)
          AND (@AdminId::uuid IS NULL OR a.admin_id = @AdminId)
          AND (@Action::text IS NULL OR a.action = @Action)
        """;

    public async ValueTask<AuditPage> Handle(ListAuditLogQuery query, CancellationToken cancellationToken)
    {
        var cursor = query.Cursor is { } text && OpaqueCursor.TryDecode<AuditCursor>(text, out var decoded) ? decoded : null;
        var sql = Sql + (cursor is null ? "" : " AND (a.occurred_at, a.id) < (@KeyTime, @KeyId)") + " ORDER BY a.occurred_at DESC, a.id DESC LIMIT @Take";
        var rows = await db.QueryAsync<Row>(sql,
            new { query.TargetId, query.AdminId, query.Action, KeyTime = cursor?.Time, KeyId = cursor?.Id, Take = query.Limit + 1 }, cancellationToken);
        var items = rows.Take(query.Limit)
            .Select(r => new AuditEntryDto(r.Id, r.AdminId, r.AdminEmail, r.Action, r.TargetType, r.TargetId, Json(r.Before), Json(r.After), r.At))
            .ToList();
        var next = rows.Count > query.Limit ? OpaqueCursor.Encode(new AuditCursor(rows[query.Limit - 1].At, rows[query.Limit - 1].Id)) : null;
        return new AuditPage(items, next);
    }

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
}
