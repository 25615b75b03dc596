using Ardalis.Specification;
using LectureHub.Domain.Community;

namespace LectureHub.Application.Community;

public sealed class BoardBySlugSpec : SingleResultSpecification<Board>
{
    public BoardBySlugSpec(string slug) => Query.Where(b => b.Slug == slug);
}

public sealed class BoardOfCategorySpec : SingleResultSpecification<Board>
{
    public BoardOfCategorySpec(Guid categoryId) => Query.Where(b => b.CategoryId == categoryId);
}

/// <summary>A post that takes reactions and reports: not deleted, not hidden.</summary>
public sealed class VisiblePostSpec : SingleResultSpecification<Post>
{
    public VisiblePostSpec(Guid postId) => Query.Where(p => p.Id == postId && p.DeletedAt == null && !p.IsHidden);
}

/// <summary>A comment that takes reactions and reports (its post must be visible too).</summary>
public sealed class VisibleCommentSpec : SingleResultSpecification<Comment>
{
    public VisibleCommentSpec(Guid commentId) => Query.Where(c => c.Id == commentId && c.DeletedAt == null && !c.IsHidden);
}

public sealed class ReportByReporterSpec : SingleResultSpecification<Report>
{
    public ReportByReporterSpec(ReportTarget kind, Guid targetId, Guid reporterId) =>
        Query.Where(r => r.TargetKind == kind && r.TargetId == targetId && r.ReporterId == reporterId);
}

public sealed class OpenReportsOnTargetSpec : Specification<Report>
{
    public OpenReportsOnTargetSpec(ReportTarget kind, Guid targetId) =>
        Query.Where(r => r.TargetKind == kind && r.TargetId == targetId && r.Status == ReportStatus.Open);
}
