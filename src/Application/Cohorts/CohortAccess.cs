using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Cohorts;

internal static class CohortAccess
{
    public static NotFoundException NotFound(Guid id) => new("COHORT_NOT_FOUND", $"Cohort {id} does not exist.");

    public static NotFoundException ApplicationNotFound(Guid id) => new("APPLICATION_NOT_FOUND", $"Application {id} does not exist in this cohort.");

    public static bool CanManage(this ICurrentUser user, Guid ownerId) => user.Role == Role.Admin || user.UserId == ownerId;

    public static void EnsureCanManage(this ICurrentUser user, Guid ownerId)
    {
        if (!user.CanManage(ownerId))
        {
            throw new ForbiddenException("NOT_COHORT_OWNER", "Only the cohort's owner or an Admin can do this.");
        }
    }

    public static async Task<Cohort> LoadAsync(this IRepository<Cohort> cohorts, Guid id, CancellationToken ct) =>
        await cohorts.SingleOrDefaultAsync(new CohortByIdSpec(id), ct) ?? throw NotFound(id);

    public static async Task<CohortApplication> LoadAsync(this IRepository<CohortApplication> applications, Guid cohortId, Guid id, CancellationToken ct) =>
        await applications.SingleOrDefaultAsync(new CohortApplicationSpec(cohortId, id), ct) ?? throw ApplicationNotFound(id);
}
