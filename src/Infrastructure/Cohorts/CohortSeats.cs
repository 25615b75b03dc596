using LectureHub.Application.Cohorts;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Cohorts;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LectureHub.Infrastructure.Cohorts;

/// <summary>
/// Places are rows, claimed with <c>FOR UPDATE SKIP LOCKED</c>: concurrent applicants lock different rows, so their
/// transactions run and commit side by side (group commit), where one counter row made them queue (~250/s on one
/// cohort here, measured). Waitlist numbers come from a sequence, which never waits on anyone either.
/// </summary>
internal sealed class CohortSeats(AppDbContext db) : ICohortSeats
{
    private const string FreePlace = """
        SELECT cohort_id, kind, number FROM cohort_slots
        WHERE cohort_id = {0} AND kind = {1} AND student_id IS NULL
        ORDER BY number LIMIT 1
        """;

    private const string TakeTemplate = $$"""
        UPDATE cohort_slots s SET student_id = {2}
        FROM ({{FreePlace}} FOR UPDATE LOCK_MODE) free
        WHERE s.cohort_id = free.cohort_id AND s.kind = free.kind AND s.number = free.number
        """;

    /// <summary>Keeps cohort locks apart from the other advisory locks (the hot-score refresher's).</summary>
    private const long CohortLockSeed = 0x4C48_434F_484F; // LHCOHO in ASCII

    private const string NextWaitlistNumber = $"""SELECT nextval('{CohortSlotConfiguration.WaitlistNumbers}') AS "Value" """;

    /// <summary>
    /// An application's usual claim in one statement: the first free seat nobody is taking, or, once every seat is
    /// taken as committed (and a waitlist place will do), the first free waitlist place with its number. The kind is
    /// chosen once per statement, so the free-places index still gives the order.
    /// </summary>
    private const string TakeFirstFree = $$"""
        UPDATE cohort_slots s SET student_id = {1}
        FROM (
            SELECT cohort_id, kind, number FROM cohort_slots
            WHERE cohort_id = {0} AND student_id IS NULL
              AND kind = CASE WHEN {2} AND NOT EXISTS (
                  SELECT 1 FROM cohort_slots WHERE cohort_id = {0} AND kind = 'Seat' AND student_id IS NULL) THEN 'Waitlist' ELSE 'Seat' END
            ORDER BY number LIMIT 1
            FOR UPDATE SKIP LOCKED) free
        WHERE s.cohort_id = free.cohort_id AND s.kind = free.kind AND s.number = free.number
        RETURNING s.kind, CASE WHEN s.kind = 'Waitlist' THEN nextval('{{CohortSlotConfiguration.WaitlistNumbers}}') END AS waitlist_number
        """;

    private static readonly string TakeUnlocked = TakeTemplate.Replace("LOCK_MODE", "SKIP LOCKED", StringComparison.Ordinal);

    /// <summary>Waits for a place another transaction holds; a row it took in the meantime no longer matches and is passed over.</summary>
    private static readonly string TakeWaiting = TakeTemplate.Replace("LOCK_MODE", "", StringComparison.Ordinal);

    public Task OpenAsync(Cohort cohort, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO cohort_slots (cohort_id, kind, number)
            SELECT {cohort.Id}, 'Seat', n FROM generate_series(1, {cohort.Capacity}) n
            UNION ALL
            SELECT {cohort.Id}, 'Waitlist', n FROM generate_series(1, {cohort.WaitlistCapacity}) n
            """, cancellationToken);

    public Task LockApplicationAsync(Guid applicationId, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>($"""SELECT 1 AS "Value" FROM cohort_applications WHERE id = {applicationId} FOR UPDATE""").ToListAsync(cancellationToken);

    public Task LockApplicationAsync(Guid cohortId, Guid studentId, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>($"""SELECT 1 AS "Value" FROM cohort_applications WHERE cohort_id = {cohortId} AND student_id = {studentId} FOR UPDATE""")
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> LockLapsedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<Guid>($"""
            SELECT a.id AS "Value" FROM cohort_applications a
            WHERE a.status = 'Approved' AND a.paid_at IS NULL AND a.payment_due_at <= {now}
              AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = a.order_id AND o.status = 'Pending')
            ORDER BY a.payment_due_at LIMIT {limit}
            FOR UPDATE OF a SKIP LOCKED
            """).ToListAsync(cancellationToken);

    public async Task<SeatClaim?> ClaimAsync(Guid cohortId, Guid studentId, bool orWaitlist, CancellationToken cancellationToken)
    {
        var taken = await db.Database.SqlQueryRaw<TakenPlace>(TakeFirstFree, cohortId, studentId, orWaitlist).ToListAsync(cancellationToken);
        if (taken is [var place])
        {
            return place.Kind == nameof(SlotKind.Seat)
                ? new SeatClaim(ApplicationStatus.Approved, null)
                : new SeatClaim(ApplicationStatus.Waitlisted, place.WaitlistNumber);
        }

        // Nothing free at all (a full cohort's latecomers): one look. Else places are still being taken by others: the
        // careful way, place by place.
        if (!await AnyFreeAsync(cohortId, orWaitlist ? [SlotKind.Seat, SlotKind.Waitlist] : [SlotKind.Seat], cancellationToken))
        {
            return null;
        }

        if (await TakeAsync(cohortId, SlotKind.Seat, studentId, cancellationToken))
        {
            return new SeatClaim(ApplicationStatus.Approved, null);
        }

        if (!orWaitlist || !await TakeAsync(cohortId, SlotKind.Waitlist, studentId, cancellationToken))
        {
            return null;
        }

        var number = (await db.Database.SqlQueryRaw<long>(NextWaitlistNumber).ToListAsync(cancellationToken)).Single();
        return new SeatClaim(ApplicationStatus.Waitlisted, number);
    }

    public Task ReleaseAsync(Guid cohortId, Guid studentId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE cohort_slots SET student_id = NULL WHERE cohort_id = {cohortId} AND student_id = {studentId}", cancellationToken);

    public async Task<Guid?> HandOverSeatAsync(Guid cohortId, Guid fromStudentId, CancellationToken cancellationToken)
    {
        if (await NextWaitlistedAsync(cohortId, [], cancellationToken) is not { } next)
        {
            await ReleaseAsync(cohortId, fromStudentId, cancellationToken);
            return null;
        }

        // Its waitlist place first: a student holds one place per cohort (unique), even within a transaction.
        await ReleaseAsync(cohortId, next.StudentId, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE cohort_slots SET student_id = {next.StudentId}
            WHERE cohort_id = {cohortId} AND kind = 'Seat' AND student_id = {fromStudentId}
            """, cancellationToken);
        return next.Id;
    }

    /// <summary>
    /// A transaction-level advisory lock on the cohort's id, not a row lock: a shared row lock would write every
    /// applicant's transaction into the cohort row (a multixact each), one hot row again in a sign-up rush; advisory
    /// locks live in the lock manager's memory only. Two cohorts whose ids hash alike merely wait for each other.
    /// </summary>
    public Task HoldCohortAsync(Guid cohortId, bool exclusive, CancellationToken cancellationToken) => exclusive
        ? db.Database.SqlQuery<int>($"""SELECT 1 AS "Value" FROM pg_advisory_xact_lock(hashtextextended({cohortId.ToString()}, {CohortLockSeed}))""").ToListAsync(cancellationToken)
        : db.Database.SqlQuery<int>($"""SELECT 1 AS "Value" FROM pg_advisory_xact_lock_shared(hashtextextended({cohortId.ToString()}, {CohortLockSeed}))""").ToListAsync(cancellationToken);

    public async Task ResizeAsync(Guid cohortId, (int Seats, int Waitlist) from, (int Seats, int Waitlist) to, CancellationToken cancellationToken)
    {
        foreach (var (kind, old, size) in new[] { (SlotKind.Seat, from.Seats, to.Seats), (SlotKind.Waitlist, from.Waitlist, to.Waitlist) })
        {
            var name = kind.ToString();
            if (size > old)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO cohort_slots (cohort_id, kind, number) SELECT {cohortId}, {name}, n FROM generate_series({old + 1}, {size}) n
                    """, cancellationToken);
            }
            else if (size < old && await db.Database.ExecuteSqlAsync($"""
                         DELETE FROM cohort_slots WHERE cohort_id = {cohortId} AND kind = {name} AND number > {size} AND student_id IS NULL
                         """, cancellationToken) != old - size)
            {
                throw new ConflictException("COHORT_CHANGE_NOT_ALLOWED", $"A {name.ToLowerInvariant()} place beyond {size} is held; the capacity can no longer shrink.");
            }
        }
    }

    public async Task<IReadOnlyList<Guid>> FillSeatsFromWaitlistAsync(Guid cohortId, CancellationToken cancellationToken)
    {
        // Promoted applications keep their Waitlisted status until the caller's changes are saved: passed over by id.
        var promoted = new List<Guid>();
        while (true)
        {
            var seat = await db.Database.SqlQuery<int>($"""
                SELECT number AS "Value" FROM cohort_slots WHERE cohort_id = {cohortId} AND kind = 'Seat' AND student_id IS NULL
                ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (seat is not [var number] || await NextWaitlistedAsync(cohortId, promoted, cancellationToken) is not { } next)
            {
                return promoted;
            }

            await ReleaseAsync(cohortId, next.StudentId, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE cohort_slots SET student_id = {next.StudentId} WHERE cohort_id = {cohortId} AND kind = 'Seat' AND number = {number}
                """, cancellationToken);
            promoted.Add(next.Id);
        }
    }

    public Task CloseAsync(Guid cohortId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE cohort_slots SET student_id = NULL WHERE cohort_id = {cohortId} AND student_id IS NOT NULL", cancellationToken);

    public async Task<SeatsDto> CountAsync(Cohort cohort, CancellationToken cancellationToken)
    {
        var counts = (await db.Database.SqlQuery<HeldPlaces>($"""
            SELECT count(*) FILTER (WHERE kind = 'Seat' AND student_id IS NOT NULL)::int AS seats,
                   count(*) FILTER (WHERE kind = 'Waitlist' AND student_id IS NOT NULL)::int AS waitlist
            FROM cohort_slots WHERE cohort_id = {cohort.Id}
            """).ToListAsync(cancellationToken)).Single();
        return new SeatsDto(cohort.Capacity, counts.Seats, cohort.WaitlistCapacity, counts.Waitlist);
    }

    /// <summary>The longest-waiting waitlisted application no other transaction is changing, locked, other than those passed over.</summary>
    private async Task<WaitlistedApplicant?> NextWaitlistedAsync(Guid cohortId, List<Guid> except, CancellationToken cancellationToken)
    {
        var ids = except.ToArray();
        return (await db.Database.SqlQuery<WaitlistedApplicant>($"""
            SELECT id, student_id FROM cohort_applications
            WHERE cohort_id = {cohortId} AND status = 'Waitlisted' AND NOT (id = ANY({ids}))
            ORDER BY waitlist_number LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Skips places other transactions are taking; if only such places are left, waits for them (they are usually
    /// taken, but one whose transaction rolls back is then ours). Each pass either takes a place or waits for another
    /// transaction to end, so the loop ends.
    /// </summary>
    private async Task<bool> TakeAsync(Guid cohortId, SlotKind kind, Guid studentId, CancellationToken cancellationToken)
    {
        object[] args = [cohortId, kind.ToString(), studentId];
        while (true)
        {
            if (await db.Database.ExecuteSqlRawAsync(TakeUnlocked, args, cancellationToken) == 1)
            {
                return true;
            }

            if (!await AnyFreeAsync(cohortId, [kind], cancellationToken))
            {
                return false;
            }

            if (await db.Database.ExecuteSqlRawAsync(TakeWaiting, args, cancellationToken) == 1)
            {
                return true;
            }
        }
    }

    /// <summary>Whether any place of these kinds is free as committed: places other transactions are taking count as free.</summary>
    private async Task<bool> AnyFreeAsync(Guid cohortId, SlotKind[] kinds, CancellationToken cancellationToken)
    {
        var names = kinds.Select(k => k.ToString()).ToArray();
        return (await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM cohort_slots WHERE cohort_id = {cohortId} AND kind = ANY({names}) AND student_id IS NULL) AS "Value"
            """).ToListAsync(cancellationToken)).Single();
    }

    private sealed record TakenPlace(string Kind, long? WaitlistNumber);

    private sealed record HeldPlaces(int Seats, int Waitlist);

    private sealed record WaitlistedApplicant(Guid Id, Guid StudentId);
}
