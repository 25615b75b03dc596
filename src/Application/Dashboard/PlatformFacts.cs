namespace LectureHub.Application.Dashboard;

/// <summary>
/// The platform's facts counted per Korea-time day and trade, as figures that add up: a sale is one receivable leg, one
/// line, one day, one trade, and a learner one row a day. Each kind of fact comes from its own index range scan, so a
/// (day, trade) may come in several rows. Legs and enrolments are summed per course first, then each sum looks its
/// trade up (a scalar subquery, which the planner never turns into a join), so a day's thousands of rows cost a lookup
/// per course, never a hash of the whole catalog (its pick when it overestimates the groups). A leg's trade is its
/// course's or cohort's; sign-ups and learners belong to no trade. The dashboard reads ended days from their roll-up
/// (<c>platform_days</c>, these rows summed per day and trade once the day is over) and computes the rest with this.
/// Parameters: <c>@Since</c> and <c>@Until</c> bound the instants, <c>@FromDay</c> and <c>@ToDay</c> the same Korea days.
/// </summary>
public static class PlatformFacts
{
    public const string Columns = "day, category_id, sign_ups, learners, sales, refunds, gross_krw, refunded_krw, commission_krw, enrolments, applications";

    public const string Sql = """
        SELECT l.day, l.category_id, 0 AS sign_ups, 0 AS learners, sum(l.sales) AS sales, sum(l.refunds) AS refunds, sum(l.gross) AS gross_krw,
               sum(l.refunded) AS refunded_krw, sum(l.commission) AS commission_krw, 0 AS enrolments, 0 AS applications
        FROM (SELECT l.*, COALESCE((SELECT category_id FROM courses WHERE id = l.course_id), (SELECT category_id FROM cohorts WHERE id = l.cohort_id)) AS category_id
              FROM (SELECT (occurred_at AT TIME ZONE 'Asia/Seoul')::date AS day, course_id, cohort_id,
                           count(*) FILTER (WHERE kind = 'Sale' AND account = 'GatewayReceivable') AS sales,
                           count(*) FILTER (WHERE kind = 'Refund' AND account = 'GatewayReceivable') AS refunds,
                           COALESCE(sum(amount_krw) FILTER (WHERE kind = 'Sale' AND account IN ('GatewayReceivable', 'GatewayFees')), 0) AS gross,
                           COALESCE(-sum(amount_krw) FILTER (WHERE kind = 'Refund' AND account IN ('GatewayReceivable', 'GatewayFees')), 0) AS refunded,
                           COALESCE(-sum(amount_krw) FILTER (WHERE account = 'Commission'), 0) AS commission
                    FROM ledger_entries WHERE occurred_at >= @Since AND occurred_at < @Until AND kind <> 'Payout' GROUP BY 1, 2, 3) l) l
        GROUP BY 1, 2
        UNION ALL
        SELECT (u.created_at AT TIME ZONE 'Asia/Seoul')::date, NULL, count(*), 0, 0, 0, 0, 0, 0, 0, 0
        FROM users u WHERE u.created_at >= @Since AND u.created_at < @Until GROUP BY 1
        UNION ALL
        SELECT d.day, NULL, 0, count(*), 0, 0, 0, 0, 0, 0, 0
        FROM learner_days d WHERE d.day >= @FromDay AND d.day <= @ToDay GROUP BY 1
        UNION ALL
        SELECT e.day, e.category_id, 0, 0, 0, 0, 0, 0, 0, sum(e.n), 0
        FROM (SELECT e.day, (SELECT category_id FROM courses WHERE id = e.course_id) AS category_id, e.n
              FROM (SELECT (enrolled_at AT TIME ZONE 'Asia/Seoul')::date AS day, course_id, count(*) AS n
                    FROM enrollments WHERE enrolled_at >= @Since AND enrolled_at < @Until GROUP BY 1, 2) e) e
        GROUP BY 1, 2
        UNION ALL
        SELECT (a.applied_at AT TIME ZONE 'Asia/Seoul')::date, h.category_id, 0, 0, 0, 0, 0, 0, 0, 0, count(*)
        FROM cohort_applications a JOIN cohorts h ON h.id = a.cohort_id WHERE a.applied_at >= @Since AND a.applied_at < @Until GROUP BY 1, 2
        """;
}
