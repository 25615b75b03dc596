using LectureHub.Domain.Common;

namespace LectureHub.Domain.Audit;

/// <summary>
/// One Admin action: who, what, on what, when, and the target's state before and after (JSON). Append-only: written
/// in the action's own transaction, never changed or deleted (a trigger refuses UPDATE and DELETE), and it names
/// people by id without a foreign key, so it outlives the accounts it mentions.
/// </summary>
public sealed class AuditEntry : Entity
{
    public const int MaxActionLength = 60;

    private AuditEntry()
    {
    }

    public Guid AdminId { get; private set; }

    /// <summary>A stable dotted name, e.g. <c>user.suspend</c>.</summary>
    public string Action { get; private set; } = "";

    public string TargetType { get; private set; } = "";

    public Guid TargetId { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public static AuditEntry Record(Guid adminId, string action, string targetType, Guid targetId, string? before, string? after, DateTimeOffset now) =>
        new()
        {
            AdminId = adminId,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Before = before,
            After = after,
            OccurredAt = now,
        };
}
