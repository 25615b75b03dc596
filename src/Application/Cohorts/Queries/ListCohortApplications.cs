using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Cohorts;
using Mediator;

namespace LectureHub.Application.Cohorts.Queries;

/// <summary>The owner's or an Admin's review list: a cohort's applications, optionally of one status, oldest first.</summary>
public sealed record ListCohortApplicationsQuery(Guid CohortId, ApplicationStatus? Status = null, string? Cursor = null, int Limit = 50)
    : IQuery<ApplicationPage>, IPagedQuery
{
    public static int MaxLimit => 200;
}

public sealed record ApplicantDto(
    Guid Id, Guid StudentId, string StudentName, string StudentEmail, ApplicationStatus Status, long? WaitlistNumber, int FormVersion,
    IReadOnlyList<FormAnswer> Answers, IReadOnlyList<AcceptedTerm> AcceptedTerms, string? RejectionReason, DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt);

public sealed record ApplicationPage(IReadOnlyList<ApplicantDto> Items, string? NextCursor);

internal sealed class ListCohortApplicationsValidator : AbstractValidator<ListCohortApplicationsQuery>
{
    public ListCohortApplicationsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Cursor).ValidTimeKeyCursor();
    }
}

internal sealed class ListCohortApplicationsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListCohortApplicationsQuery, ApplicationPage>
{
    private const string Sql = """
        SELECT a.id AS "Id", a.student_id AS "StudentId", u.display_name AS "StudentName", u.email AS "StudentEmail", a.status AS "Status",
               a.waitlist_number AS "WaitlistNumber", (a.form ->> 'version')::int AS "FormVersion", a.answers::text AS "Answers",
               a.accepted_terms::text AS "AcceptedTerms", a.rejection_reason AS "RejectionReason", a.applied_at AS "AppliedAt", a.decided_at AS "DecidedAt"
        FROM cohort_applications a JOIN users u ON u.id = a.student_id
        WHERE a.cohort_id = @CohortId AND (@Status::text IS NULL OR a.status = @Status)
        """;

    public async ValueTask<ApplicationPage> Handle(ListCohortApplicationsQuery query, CancellationToken cancellationToken)
    {
        var owner = await db.QuerySingleOrDefaultAsync<Guid?>("SELECT owner_id FROM cohorts WHERE id = @CohortId", new { query.CohortId }, cancellationToken)
            ?? throw CohortAccess.NotFound(query.CohortId);
        currentUser.EnsureCanManage(owner);

        var (rows, next) = await TimeKeyset.PageAsync<Row>(
            db, Sql, "a.applied_at", "a.id", new() { ["CohortId"] = query.CohortId, ["Status"] = query.Status?.ToString() }, query.Cursor, query.Limit,
            r => new(r.AppliedAt, r.Id), cancellationToken, oldestFirst: true);
        var items = rows.Select(r => r.Dto).ToList();
        return new ApplicationPage(items, next);
    }

    private sealed record Row(
        Guid Id, Guid StudentId, string StudentName, string StudentEmail, string Status, long? WaitlistNumber, int FormVersion,
        string Answers, string AcceptedTerms, string? RejectionReason, DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt)
    {
        public ApplicantDto Dto => new(Id, StudentId, StudentName, StudentEmail, Enum.Parse<ApplicationStatus>(Status), WaitlistNumber, FormVersion,
            StoredJson.Read<List<FormAnswer>>(Answers), StoredJson.Read<List<AcceptedTerm>>(AcceptedTerms), RejectionReason, AppliedAt, DecidedAt);
    }
}
