using LectureHub.Application.Cohorts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Cohorts;

internal static class CohortsServices
{
    public static void AddCohorts(this Registration r)
    {
        r.Options<CohortOptions>(CohortOptions.Section);
        r.Services.AddSingleton(sp => new CohortPayments(TimeSpan.FromHours(sp.GetRequiredService<IOptions<CohortOptions>>().Value.PaymentWindowHours)));
        r.Services.AddScoped<ICohortSeats, CohortSeats>();
        r.Services.AddSingleton<UnpaidSeatExpiry>();
        r.Worker<UnpaidSeatExpiry>("Cohorts:ExpiryEnabled");
    }
}
