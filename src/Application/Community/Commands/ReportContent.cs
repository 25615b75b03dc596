using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>A signed-in user reports a visible post or comment. Reporting the same thing again returns the first report.</summary>
public sealed record ReportContentCommand(ReportTarget Target, Guid TargetId, ReportReason Reason, string? Detail) : ICommand<ReportReceipt>;

public sealed record ReportReceipt(Guid Id, ReportStatus Status, bool Created);

internal sealed class ReportContentValidator : AbstractValidator<ReportContentCommand>
{
    public ReportContentValidator()
    {
        RuleFor(c => c.Target).IsInEnum();
        RuleFor(c => c.Reason).IsInEnum();
        RuleFor(c => c.Detail).MaximumLength(Report.MaxDetailLength);
        RuleFor(c => c.Detail).NotEmpty().When(c => c.Reason == ReportReason.Other).WithMessage("Say what is wrong when the reason is 'Other'.");
    }
}

internal sealed class ReportContentHandler(
    IRepository<Report> reports, IRepository<Post> posts, IRepository<Comment> comments, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReportContentCommand, ReportReceipt>
{
    public async ValueTask<ReportReceipt> Handle(ReportContentCommand command, CancellationToken cancellationToken)
    {
        var visible = command.Target == ReportTarget.Post
            ? await posts.AnyAsync(new VisiblePostSpec(command.TargetId), cancellationToken)
            : await comments.AnyAsync(new VisibleCommentSpec(command.TargetId), cancellationToken);
        if (!visible)
        {
            throw command.Target == ReportTarget.Post ? CommunityAccess.PostNotFound(command.TargetId) : CommunityAccess.CommentNotFound(command.TargetId);
        }

        var reporter = currentUser.RequiredUserId;
        if (await reports.SingleOrDefaultAsync(new ReportByReporterSpec(command.Target, command.TargetId, reporter), cancellationToken) is { } existing)
        {
            return new ReportReceipt(existing.Id, existing.Status, Created: false);
        }

        var report = Report.File(command.Target, command.TargetId, reporter, command.Reason, command.Detail ?? "", clock.GetUtcNow());
        await reports.AddAsync(report, cancellationToken);
        return new ReportReceipt(report.Id, report.Status, Created: true);
    }
}
