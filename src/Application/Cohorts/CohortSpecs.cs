using Ardalis.Specification;
using LectureHub.Domain.Cohorts;

namespace LectureHub.Application.Cohorts;

public sealed class CohortByIdSpec : SingleResultSpecification<Cohort>
{
    public CohortByIdSpec(Guid cohortId) => Query.Where(c => c.Id == cohortId);
}

public sealed class CohortApplicationSpec : SingleResultSpecification<CohortApplication>
{
    public CohortApplicationSpec(Guid cohortId, Guid applicationId) => Query.Where(a => a.CohortId == cohortId && a.Id == applicationId);
}

public sealed class StudentApplicationSpec : SingleResultSpecification<CohortApplication>
{
    public StudentApplicationSpec(Guid cohortId, Guid studentId) => Query.Where(a => a.CohortId == cohortId && a.StudentId == studentId);
}

public sealed class CohortApplicationsSpec : Specification<CohortApplication>
{
    public CohortApplicationsSpec(Guid cohortId) => Query.Where(a => a.CohortId == cohortId);
}

public sealed class ActiveCohortApplicationsSpec : Specification<CohortApplication>
{
    public ActiveCohortApplicationsSpec(Guid cohortId) => Query.Where(a => a.CohortId == cohortId
        && (a.Status == ApplicationStatus.Applied || a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Waitlisted));
}

public sealed class ApplicationByIdSpec : SingleResultSpecification<CohortApplication>
{
    public ApplicationByIdSpec(Guid applicationId) => Query.Where(a => a.Id == applicationId);
}
