using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Observability;
using LectureHub.Infrastructure.Caching;
using LectureHub.Infrastructure.Observability;
using LectureHub.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>
/// One command, one transaction on the primary: run the handler, turn the domain events it raised into outbox rows,
/// save, commit. Runs inside EF's execution strategy, so a transient failure retries the whole unit.
/// </summary>
internal sealed class UnitOfWork(
    AppDbContext db,
    TimeProvider clock,
    OutboxSignal outboxSignal,
    ReadYourWrites readYourWrites,
    LectureHubMetrics metrics) : IUnitOfWork
{
    public async Task<TResult> ExecuteAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        var wroteEvents = false;
        BusinessFacts? facts = null;
        // The transaction is all or nothing, so SaveChanges needs no savepoint of its own (two round trips fewer).
        db.Database.AutoSavepointsEnabled = false;
        TResult result;
        try
        {
            result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var response = await work(ct);
                wroteEvents = EnqueueDomainEvents();
                facts = BusinessFacts.Collect(db.ChangeTracker);
                await SaveAsync(ct);
                await transaction.CommitAsync(ct);
                return response;
            }, cancellationToken);
        }
        catch (PostgresException pg) when (PostgresConflicts.Translate(pg) is { } conflict)
        {
            // A handler's own SQL (a seat claim, say) met a constraint another request got to first.
            throw conflict;
        }

        facts?.Record(metrics);
        if (wroteEvents)
        {
            outboxSignal.Notify();
        }

        // Every committed command marks its writers, not only those SaveChanges counted: counters, reactions and the
        // inbox change rows by their own statements, and their authors must read those too.
        await readYourWrites.MarkWritersAsync();

        return result;
    }

    private bool EnqueueDomainEvents()
    {
        var now = clock.GetUtcNow();
        var messages = db.ChangeTracker.Entries<Domain.Common.Entity>()
            .SelectMany(entry =>
            {
                var events = entry.Entity.DomainEvents.ToArray();
                entry.Entity.ClearDomainEvents();
                return events;
            })
            .Select(e => OutboxSerializer.ToMessage(e, now))
            .ToList();
        db.OutboxMessages.AddRange(messages);
        return messages.Count > 0;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("CONCURRENCY_CONFLICT", "Someone else changed this resource at the same time. Reload and retry.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException pg && PostgresConflicts.Translate(pg) is { } conflict)
        {
            throw conflict;
        }
    }
}
