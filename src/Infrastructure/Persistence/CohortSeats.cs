using LectureHub.Application.Cohorts;
using LectureHub.Domain.Cohorts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>A cohort's seat and waitlist counters (see <see cref="ICohortSeats"/>).</summary>
public sealed class CohortSeatsRow
{
    public Guid CohortId { get; init; }

    public int Capacity { get; init; }

    public int Taken { get; init; }

    public int WaitlistCapacity { get; init; }

    public int Waitlisted { get; init; }

    /// <summary>Waitlist numbers handed out so far; the next place gets this plus one, so arrival order is kept.</summary>
    public long WaitlistIssued { get; init; }
}

internal sealed class CohortSeatsConfiguration : IEntityTypeConfiguration<CohortSeatsRow>
{
    public void Configure(EntityTypeBuilder<CohortSeatsRow> builder)
    {
        builder.ToTable("cohort_seats", t =>
        {
            t.HasCheckConstraint("ck_cohort_seats_taken", "taken BETWEEN 0 AND capacity");
            t.HasCheckConstraint("ck_cohort_seats_waitlisted", "waitlisted BETWEEN 0 AND waitlist_capacity");
        });
        builder.HasKey(s => s.CohortId);
        builder.HasOne<Cohort>().WithOne().HasForeignKey<CohortSeatsRow>(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Each change is one conditional UPDATE on the cohort's row, in the command's transaction. Under READ COMMITTED a
/// waiting UPDATE re-checks its WHERE against the row as the previous transaction left it, so "taken &lt; capacity"
/// is decided on the latest count, never a stale one.
/// </summary>
internal sealed class CohortSeats(AppDbContext db) : ICohortSeats
{
    public void Open(Cohort cohort) =>
        db.CohortSeats.Add(new CohortSeatsRow { CohortId = cohort.Id, Capacity = cohort.Capacity, WaitlistCapacity = cohort.WaitlistCapacity });

    public Task LockAsync(Guid cohortId, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>($"""SELECT 1 AS "Value" FROM cohort_seats WHERE cohort_id = {cohortId} FOR UPDATE""").ToListAsync(cancellationToken);

    public async Task<bool> IsFullAsync(Guid cohortId, bool orWaitlist, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<bool>($"""
            SELECT taken >= capacity AND (NOT {orWaitlist} OR waitlisted >= waitlist_capacity) AS "Value" FROM cohort_seats WHERE cohort_id = {cohortId}
            """).ToListAsync(cancellationToken)).SingleOrDefault();

    public async Task<SeatClaim?> ClaimAsync(Guid cohortId, bool orWaitlist, CancellationToken cancellationToken)
    {
        var seat = await db.Database.ExecuteSqlAsync(
            $"UPDATE cohort_seats SET taken = taken + 1 WHERE cohort_id = {cohortId} AND taken < capacity", cancellationToken);
        if (seat == 1)
        {
            return new SeatClaim(ApplicationStatus.Approved, null);
        }

        if (!orWaitlist)
        {
            return null;
        }

        var number = (await db.Database.SqlQuery<long>($"""
            UPDATE cohort_seats SET waitlisted = waitlisted + 1, waitlist_issued = waitlist_issued + 1
            WHERE cohort_id = {cohortId} AND waitlisted < waitlist_capacity
            RETURNING waitlist_issued AS "Value"
            """).ToListAsync(cancellationToken)).SingleOrDefault();
        return number > 0 ? new SeatClaim(ApplicationStatus.Waitlisted, number) : null;
    }

    public Task ReleaseSeatAsync(Guid cohortId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE cohort_seats SET taken = taken - 1 WHERE cohort_id = {cohortId}", cancellationToken);

    public Task ReleaseWaitlistPlaceAsync(Guid cohortId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE cohort_seats SET waitlisted = waitlisted - 1 WHERE cohort_id = {cohortId}", cancellationToken);

    public async Task<bool> PromoteAsync(Guid cohortId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"UPDATE cohort_seats SET taken = taken + 1, waitlisted = waitlisted - 1 WHERE cohort_id = {cohortId} AND taken < capacity AND waitlisted > 0",
            cancellationToken) == 1;
}
