using LectureHub.Application.Live.Commands;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Live;

/// <summary>Every RemindEverySeconds, reminds the sessions starting within ReminderMinutes, batch after batch (<see cref="RemindLiveSessionsCommand"/>).</summary>
internal sealed class LiveSessionReminders(IServiceScopeFactory scopes, IOptions<LiveOptions> options, TimeProvider clock, ILogger<LiveSessionReminders> logger)
    : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lead = TimeSpan.FromMinutes(options.Value.ReminderMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int reminded;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    reminded = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RemindLiveSessionsCommand(lead, Batch), stoppingToken);
                    if (reminded > 0)
                    {
                        logger.LogInformation("Reminded {Count} live sessions", reminded);
                    }
                }
                while (reminded == Batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reminding live sessions failed; trying again in {Seconds} s", options.Value.RemindEverySeconds);
            }

            await Task.Delay(TimeSpan.FromSeconds(options.Value.RemindEverySeconds), clock, stoppingToken);
        }
    }
}
