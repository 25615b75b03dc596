namespace LectureHub.Application.Dashboard;

/// <summary>
/// The platform's facts counted per Korea-time day and trade, as figures that add up: a sale is one receivable leg, one
/// line, one day, one trade, and a learner one row a day. Each kind of fact comes from its own index range scan, so a
/// (day, trade) may come in several rows. The ledger legs' trade is their course's or cohort's; sign-ups and learners
/// belong to no trade. The dashboard reads ended days from their roll-up (<c>platform_days</c>, these rows summed per
/// day and trade once the day is over) and computes the rest with this query.
/// Parameters: <c>@Since</c> and <c>@Until</c> bound the instants, <c>@FromDay</c> and <c>@ToDay</c> the same Korea days.
/// </summary>
public static class PlatformFacts
{
    public const string Columns = "day, category_id, sign_ups, learners, sales, refunds, gross_krw, refunded_krw, commission_krw, enrolments, applications";

    public const string Sql = """
        SELECT (l.occurred_at AT TIME ZONE 'Asia/Seoul')::date AS day, COALESCE(c.category_id, h.category_id) AS category_id, 0 AS sign_ups, 0 AS learners,
               count(*) FILTER (WHERE l.kind = 'Sale' AND l.account = 'GatewayReceivable') AS sales,
               count(*) FILTER (WHERE l.kind = 'Refund' AND l.account = 'GatewayReceivable') AS refunds,
               COALESCE(sum(l.amount_krw) FILTER (WHERE l.kind = 'Sale' AND l.account IN ('GatewayReceivable', 'GatewayFees')), 0) AS gross_krw,
               COALESCE(-sum(l.amount_krw) FILTER (WHERE l.kind = 'Refund' AND l.account IN ('GatewayReceivable', 'GatewayFees')), 0) AS refunded_krw,
               COALESCE(-sum(l.amount_krw) FILTER (WHERE l.account = 'Commission'), 0) AS commission_krw,
               0 AS enrolments, 0 AS applications
        FROM ledger_entries l
        LEFT JOIN courses c ON c.id = l.course_id
        LEFT JOIN cohorts h ON h.id = l.cohort_id
        WHERE l.occurred_at >= @Since AND l.occurred_at < @Until AND l.kind <> 'Payout'
        GROUP BY 1, 2
        UNION ALL
        SELECT (u.created_at AT TIME ZONE 'Asia/Seoul')::date, NULL, count(*), 0, 0, 0, 0, 0, 0, 0, 0
        FROM users u WHERE u.created_at >= @Since AND u.created_at < @Until GROUP BY 1
        UNION ALL
        SELECT d.day, NULL, 0, count(*), 0, 0, 0, 0, 0, 0, 0
        FROM learner_days d WHERE d.day >= @FromDay AND d.day <= @ToDay GROUP BY 1
        UNION ALL
        SELECT e.day, c.category_id, 0, 0, 0, 0, 0, 0, 0, sum(e.n), 0
        FROM (SELECT (enrolled_at AT TIME ZONE 'Asia/Seoul')::date AS day, course_id, count(*) AS n
              FROM enrollments WHERE enrolled_at >= @Since AND enrolled_at < @Until GROUP BY 1, 2) e
        JOIN courses c ON c.id = e.course_id
        GROUP BY 1, 2
        UNION ALL
        SELECT (a.applied_at AT TIME ZONE 'Asia/Seoul')::date, h.category_id, 0, 0, 0, 0, 0, 0, 0, 0, count(*)
        FROM cohort_applications a JOIN cohorts h ON h.id = a.cohort_id WHERE a.applied_at >= @Since AND a.applied_at < @Until GROUP BY 1, 2
        """;
}
