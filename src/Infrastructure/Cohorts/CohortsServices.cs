using LectureHub.Application.Cohorts;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Cohorts;

internal static class CohortsServices
{
    public static void AddCohorts(this Registration r) => r.Services.AddScoped<ICohortSeats, CohortSeats>();
}
