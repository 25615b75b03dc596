using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Audit;

namespace LectureHub.Application.Audit;

/// <summary>Writes an Admin action to the audit log, in the action's own transaction (so an action that rolls back leaves no entry).</summary>
internal static class AdminAudit
{
    public static Task RecordAsync<TState>(
        IRepository<AuditEntry> audit, ICurrentUser admin, string action, string targetType, Guid targetId, TState? before, TState? after,
        DateTimeOffset now, CancellationToken ct) =>
        audit.AddAsync(
            AuditEntry.Record(admin.RequiredUserId, action, targetType, targetId,
                before is null ? null : StoredJson.Write(before), after is null ? null : StoredJson.Write(after), now),
            ct);
}
