using LectureHub.Application.Cohorts.Commands;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Cohorts;

/// <summary>
/// Every ExpiryEverySeconds, expires the seats of paid cohorts whose fee is past due and passes them on to the
/// waitlist (<see cref="ExpireUnpaidSeatsCommand"/>), batch after batch until none is left. Instances may overlap:
/// each locks the applications it takes and skips those another holds.
/// </summary>
internal sealed class UnpaidSeatExpiry(IServiceScopeFactory scopes, IOptions<CohortOptions> options, TimeProvider clock, ILogger<UnpaidSeatExpiry> logger)
    : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int expired;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    expired = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExpireUnpaidSeatsCommand(Batch), stoppingToken);
                    if (expired > 0)
                    {
                        logger.LogInformation("Expired {Count} unpaid cohort seats and passed them on to the waitlist", expired);
                    }
                }
                while (expired == Batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Expiring unpaid cohort seats failed; trying again in {Seconds} s", options.Value.ExpiryEverySeconds);
            }

            await Task.Delay(TimeSpan.FromSeconds(options.Value.ExpiryEverySeconds), clock, stoppingToken);
        }
    }
}
