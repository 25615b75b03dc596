using LectureHub.Domain.Common;

namespace LectureHub.Domain.Community;

public enum ReportTarget
{
    Post,
    Comment,
}

public enum ReportReason
{
    Spam,
    Abuse,
    Illegal,
    Privacy,
    Other,
}

public enum ReportStatus
{
    Open,
    Hidden,
    Dismissed,
}

/// <summary>
/// A signed-in user's report of a post or comment: one per reporter and target (reporting again changes nothing).
/// An Admin resolves it by hiding the target or dismissing the report; either closes every open report on that target.
/// </summary>
public sealed class Report : Entity
{
    public const int MaxDetailLength = 500;

    private Report()
    {
    }

    public ReportTarget TargetKind { get; private set; }

    public Guid TargetId { get; private set; }

    public Guid ReporterId { get; private set; }

    public ReportReason Reason { get; private set; }

    public string Detail { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public ReportStatus Status { get; private set; }

    public Guid? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public static Report File(ReportTarget kind, Guid targetId, Guid reporterId, ReportReason reason, string detail, DateTimeOffset now) =>
        new() { TargetKind = kind, TargetId = targetId, ReporterId = reporterId, Reason = reason, Detail = detail.Trim(), CreatedAt = now, Status = ReportStatus.Open };

    public void Resolve(ReportStatus outcome, Guid adminId, DateTimeOffset now)
    {
        if (outcome == ReportStatus.Open)
        {
            throw new DomainException("REPORT_OUTCOME_INVALID", "A report is resolved by hiding its target or dismissing it.");
        }

        if (Status != ReportStatus.Open)
        {
            throw new DomainException("REPORT_RESOLVED", $"The report was already resolved ({Status.ToString().ToLowerInvariant()}).");
        }

        (Status, ResolvedBy, ResolvedAt) = (outcome, adminId, now);
    }
}
