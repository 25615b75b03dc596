using LectureHub.Application.Observability;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Payments;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LectureHub.Infrastructure.Observability;

/// <summary>
/// The business counters, read off what a unit of work is about to save: an order added is placed, one whose status
/// changed reached that status, and so on. Read from the change tracker, they count whichever use case made the change
/// (a confirm, a webhook, the reconciler) once, and only when the transaction commits.
/// </summary>
internal sealed class BusinessFacts
{
    private readonly List<Action<LectureHubMetrics>> _facts = [];

    public static BusinessFacts Collect(ChangeTracker changes)
    {
        var facts = new BusinessFacts();
        foreach (var entry in changes.Entries<Order>())
        {
            facts.Order(entry);
        }

        foreach (var entry in changes.Entries<CohortApplication>())
        {
            if (Changed(entry, a => a.Status) is { } status)
            {
                facts._facts.Add(m => m.CohortApplications.Add(1, Tag("status", status.ToString())));
            }
        }

        foreach (var entry in changes.Entries<PaymentAnomaly>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added))
        {
            var kind = entry.Entity.Kind.ToString();
            facts._facts.Add(m => m.PaymentAnomalies.Add(1, Tag("kind", kind)));
        }

        return facts;
    }

    /// <summary>After the commit: the facts become counts.</summary>
    public void Record(LectureHubMetrics metrics)
    {
        foreach (var fact in _facts)
        {
            fact(metrics);
        }
    }

    private void Order(EntityEntry<Order> entry)
    {
        var order = entry.Entity;
        if (Changed(entry, o => o.Status) is { } status and not (OrderStatus.PartiallyRefunded or OrderStatus.Refunded))
        {
            var outcome = status == OrderStatus.Pending ? "placed" : status.ToString().ToLowerInvariant();
            var amount = order.AmountKrw;
            _facts.Add(m => m.Orders.Add(1, Tag("outcome", outcome)));
            if (status == OrderStatus.Paid)
            {
                _facts.Add(m => m.PaymentAmount.Add(amount, Tag("kind", "paid")));
            }
        }

        var before = entry.State == Microsoft.EntityFrameworkCore.EntityState.Added ? [] : entry.Property(o => o.Refunds).OriginalValue;
        var completedBefore = before.Where(r => r.Status == RefundStatus.Completed).Select(r => r.Id).ToHashSet();
        var completedNow = order.Refunds.Where(r => r.Status == RefundStatus.Completed && !completedBefore.Contains(r.Id)).ToList();
        if (completedNow.Count > 0)
        {
            var (count, amount) = (completedNow.Count, completedNow.Sum(r => r.AmountKrw));
            _facts.Add(m => m.Refunds.Add(count));
            _facts.Add(m => m.PaymentAmount.Add(amount, Tag("kind", "refunded")));
        }
    }

    /// <summary>The value a property takes in this save, if it is new (an added row) or changed; null otherwise.</summary>
    private static TValue? Changed<TEntity, TValue>(EntityEntry<TEntity> entry, System.Linq.Expressions.Expression<Func<TEntity, TValue>> property)
        where TEntity : class
        where TValue : struct
    {
        var p = entry.Property(property);
        return entry.State switch
        {
            Microsoft.EntityFrameworkCore.EntityState.Added => p.CurrentValue,
            Microsoft.EntityFrameworkCore.EntityState.Modified when !Equals(p.OriginalValue, p.CurrentValue) => p.CurrentValue,
            _ => null,
        };
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
