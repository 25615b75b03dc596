using LectureHub.Application.Abstractions;
using LectureHub.Application.Terms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LectureHub.Infrastructure.Terms;

/// <summary>
/// The newest version of each kind of terms, read on first use and again every <see cref="TermsOptions.RefreshSeconds"/>
/// (and at once after a publish on this instance). The request path reads memory only.
/// </summary>
internal sealed class TermsCatalog(IServiceScopeFactory scopes, IOptions<TermsOptions> options, TimeProvider clock, ILogger<TermsCatalog> logger)
    : BackgroundService, ITermsCatalog
{
    private const string Sql = """
        SELECT DISTINCT ON (kind) kind AS "Kind", version AS "Version", title AS "Title", body AS "Body", published_at AS "PublishedAt"
        FROM terms_documents
        ORDER BY kind, version DESC
        """;

    private volatile CurrentTerms? _current;

    public async ValueTask<CurrentTerms> CurrentAsync(CancellationToken cancellationToken) => _current ?? await ReloadAsync(cancellationToken);

    public async Task<CurrentTerms> ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // The primary while it is up: right after a publish, a standby may not have replayed it yet.
        var db = scope.ServiceProvider.GetRequiredService<IReadDb>().CacheFill;
        var current = CurrentTerms.From(await db.QueryAsync<TermsDocumentDto>(Sql, null, cancellationToken));
        _current = current;
        return current;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.RefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(every, clock, stoppingToken);
            try
            {
                await ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                // Keep the versions known: a publish made meanwhile is enforced here once the database answers again.
                logger.LogWarning(ex, "Reloading the terms in force failed; keeping the last known, retrying in {Interval}", every);
            }
        }
    }
}
