using LectureHub.Application.Community.Commands;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Community;

/// <summary>
/// Moves buffered views into post_stats every ViewFlushIntervalMs, one batch (every post viewed since the last) per
/// round, and once more at shutdown. A batch is acknowledged in Redis only after its transaction committed; one whose
/// flusher died is claimed again after its lease and, if it had committed, adds nothing twice. Safe with many instances.
/// </summary>
internal sealed class PostViewFlusher(PostViewBuffer buffer, IServiceScopeFactory scopes, IOptions<CommunityOptions> options, TimeProvider clock, ILogger<PostViewFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FlushAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The batch stays leased in Redis and is claimed again when its lease runs out; nothing is lost.
                logger.LogError(ex, "Flushing post views failed; the batch is retried after its lease");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.ViewFlushIntervalMs), clock, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAllAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // What is left stays in Redis for the next instance.
            logger.LogError(ex, "Post views: the shutdown flush failed; the views stay buffered in Redis");
        }
    }

    /// <summary>Flushes claimable batches until none is left; returns the views in the batches it handled (applied now or before).</summary>
    public async Task<int> FlushAllAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (await buffer.ClaimAsync() is { } batch)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var applied = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FlushPostViewsCommand(batch.Id, batch.Views), cancellationToken);
                logger.LogDebug("View batch {BatchId}: {Posts} posts, {Applied}", batch.Id, batch.Views.Count, applied ? "applied" : "already applied");
            }

            await buffer.AcknowledgeAsync(batch.Id);
            total += batch.Views.Sum(v => v.Views);
        }

        return total;
    }
}
