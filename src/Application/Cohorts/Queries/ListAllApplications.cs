using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Cohorts;
using Mediator;

namespace LectureHub.Application.Cohorts.Queries;

/// <summary>
/// Admins: applications across every cohort, newest first in keyset pages, filtered by cohort, course, trade, status,
/// the applicant (email prefix or part of the name) and when they applied (from inclusive, before exclusive). The same
/// pages feed the CSV export.
/// </summary>
public sealed record ListAllApplicationsQuery(
    Guid? CohortId = null, Guid? CourseId = null, Guid? CategoryId = null, ApplicationStatus? Status = null, string? Q = null,
    DateTimeOffset? AppliedFrom = null, DateTimeOffset? AppliedBefore = null, string? Cursor = null, int Limit = 50)
    : IQuery<AdminApplicationPage>, IPagedQuery
{
    public static int MaxLimit => 500;
}

/// <summary>One application with its cohort and applicant, and in a paid cohort when the fee is due and was paid.</summary>
public sealed record AdminApplicationDto(
    Guid Id, Guid CohortId, string CohortTitle, Guid? CategoryId, Guid StudentId, string StudentName, string StudentEmail, ApplicationStatus Status,
    long? WaitlistNumber, DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt, DateTimeOffset? CancelledAt, long FeeKrw,
    DateTimeOffset? PaymentDueAt, DateTimeOffset? PaidAt, Guid? OrderId, string? RejectionReason);

public sealed record AdminApplicationPage(IReadOnlyList<AdminApplicationDto> Items, string? NextCursor);

internal sealed class ListAllApplicationsValidator : AbstractValidator<ListAllApplicationsQuery>
{
    public ListAllApplicationsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Cursor).ValidTimeKeyCursor();
        RuleFor(q => q.AppliedBefore).GreaterThan(q => q.AppliedFrom).When(q => q.AppliedFrom is not null && q.AppliedBefore is not null)
            .WithMessage("appliedBefore must be after appliedFrom.");
    }
}

internal sealed class ListAllApplicationsHandler(IReadDb db) : IQueryHandler<ListAllApplicationsQuery, AdminApplicationPage>
{
    private const string Sql = """
        SELECT a.id AS "Id", a.cohort_id AS "CohortId", c.title AS "CohortTitle", c.category_id AS "CategoryId", a.student_id AS "StudentId",
               u.display_name AS "StudentName", u.email AS "StudentEmail", a.status AS "Status", a.waitlist_number AS "WaitlistNumber",
               a.applied_at AS "AppliedAt", a.decided_at AS "DecidedAt", a.cancelled_at AS "CancelledAt", c.fee_krw AS "FeeKrw",
               a.payment_due_at AS "PaymentDueAt", a.paid_at AS "PaidAt", a.order_id AS "OrderId", a.rejection_reason AS "RejectionReason"
        FROM cohort_applications a
        JOIN cohorts c ON c.id = a.cohort_id
        JOIN users u ON u.id = a.student_id
        WHERE (@CohortId::uuid IS NULL OR a.cohort_id = @CohortId) AND (@CourseId::uuid IS NULL OR c.course_id = @CourseId)
          AND (@CategoryId::uuid IS NULL OR c.category_id = @CategoryId) AND (@Status::text IS NULL OR a.status = @Status)
          AND (@Q::text IS NULL OR u.normalized_email LIKE @EmailPrefix ESCAPE '\' OR u.display_name ILIKE @NamePart ESCAPE '\')
          AND (@AppliedFrom::timestamptz IS NULL OR a.applied_at >= @AppliedFrom) AND (@AppliedBefore::timestamptz IS NULL OR a.applied_at < @AppliedBefore)
        """;

    public async ValueTask<AdminApplicationPage> Handle(ListAllApplicationsQuery query, CancellationToken cancellationToken)
    {
        var q = string.IsNullOrWhiteSpace(query.Q) ? null : LikePattern.Literal(query.Q.Trim());
        var (rows, next) = await TimeKeyset.PageAsync<AdminApplicationDto>(
            db, Sql, "a.applied_at", "a.id", new()
            {
                ["CohortId"] = query.CohortId, ["CourseId"] = query.CourseId, ["CategoryId"] = query.CategoryId, ["Status"] = query.Status?.ToString(),
                ["Q"] = q, ["EmailPrefix"] = q?.ToLowerInvariant() + "%", ["NamePart"] = "%" + q + "%",
                ["AppliedFrom"] = query.AppliedFrom, ["AppliedBefore"] = query.AppliedBefore,
            },
            query.Cursor, query.Limit, r => new(r.AppliedAt, r.Id), cancellationToken);
        return new AdminApplicationPage(rows, next);
    }
}
