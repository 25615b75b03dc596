using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Audit;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Audit;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

public enum ReportOutcome
{
    Hide,
    Dismiss,
}

/// <summary>
/// An Admin resolves a report: hiding its target, or dismissing it. Either way every open report on that target is
/// closed with it, so the queue shows each problem once.
/// </summary>
public sealed record ResolveReportCommand(Guid ReportId, ReportOutcome Outcome) : ICommand<int>;

internal sealed class ResolveReportValidator : AbstractValidator<ResolveReportCommand>
{
    public ResolveReportValidator() => RuleFor(c => c.Outcome).IsInEnum();
}

internal sealed class ResolveReportHandler(
    IRepository<Report> reports,
    IRepository<Post> posts,
    IRepository<Comment> comments,
    IRepository<AuditEntry> audit,
    ICommunityStats stats,
    ICurrentUser currentUser,
    TimeProvider clock)
    : ICommandHandler<ResolveReportCommand, int>
{
    public async ValueTask<int> Handle(ResolveReportCommand command, CancellationToken cancellationToken)
    {
        var report = await reports.GetByIdAsync(command.ReportId, cancellationToken)
                     ?? throw new NotFoundException("REPORT_NOT_FOUND", $"Report {command.ReportId} does not exist.");
        var now = clock.GetUtcNow();
        var admin = currentUser.RequiredUserId;
        report.Resolve(command.Outcome == ReportOutcome.Hide ? ReportStatus.Hidden : ReportStatus.Dismissed, admin, now);
        var others = await reports.ListAsync(new OpenReportsOnTargetSpec(report.TargetKind, report.TargetId), cancellationToken);
        foreach (var other in others.Where(r => r.Id != report.Id))
        {
            other.Resolve(report.Status, admin, now);
        }

        if (command.Outcome == ReportOutcome.Hide)
        {
            await HideTargetAsync(report, cancellationToken);
        }

        var closed = 1 + others.Count(r => r.Id != report.Id);
        await AdminAudit.RecordAsync(audit, currentUser, "report.resolve", "report", report.Id, null,
            new { command.Outcome, report.TargetKind, report.TargetId, Closed = closed }, now, cancellationToken);
        return closed;
    }

    private async Task HideTargetAsync(Report report, CancellationToken ct)
    {
        if (report.TargetKind == ReportTarget.Post)
        {
            var post = await posts.GetByIdAsync(report.TargetId, ct) ?? throw CommunityAccess.PostNotFound(report.TargetId);
            post.Moderate(hidden: true, locked: null, pinned: null, clock.GetUtcNow());
            return;
        }

        var comment = await comments.GetByIdAsync(report.TargetId, ct) ?? throw CommunityAccess.CommentNotFound(report.TargetId);
        await comment.HideCountedAsync(true, stats, ct);
    }
}
