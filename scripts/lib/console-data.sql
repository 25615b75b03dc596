-- The facts the consoles read (issue #22), added to a generated catalog by scripts/catalog-data.sh. They scale with
-- it: a year of sign-ups; three enrolments a student, skewed to popular courses (a paid course's is a sale in the
-- ledger, one in twenty refunded); sixty days of learning (one student in twenty a day); the demo instructor
-- (kim.welder) owning the hundred most popular courses, with their students' progress; two cohorts per instructor
-- with applications. Deterministic for a given catalog (setseed). The ledger's balance trigger is off during the
-- load (every generated transaction sums to zero by construction, and the script checks that at the end).
\set ON_ERROR_STOP on
SELECT setseed(0.2026);

UPDATE users SET created_at = now() - random() * interval '365 days' WHERE role = 'Student' AND email NOT LIKE '%@lecturehub.dev';

CREATE TEMP TABLE ranked AS
SELECT (row_number() OVER (ORDER BY s.like_count DESC, c.id) - 1)::int AS n, c.id, c.price_krw
FROM courses c JOIN course_stats s ON s.course_id = c.id WHERE c.status = 'Published';
CREATE UNIQUE INDEX ON ranked (n);
ANALYZE ranked;

UPDATE courses SET instructor_id = (SELECT id FROM users WHERE email = 'kim.welder@lecturehub.dev')
WHERE id IN (SELECT id FROM ranked WHERE n < 100);

INSERT INTO enrollments (id, student_id, course_id, status, source, enrolled_at)
SELECT gen_random_uuid(), p.student_id, r.id, 'Active', CASE WHEN r.price_krw > 0 THEN 'Purchase' ELSE 'Free' END, p.at
FROM (SELECT u.id AS student_id, floor(power(random(), 3) * (SELECT count(*) FROM ranked))::int AS n,
             u.created_at + random() * (now() - u.created_at) AS at
      FROM users u CROSS JOIN generate_series(1, 3) WHERE u.role = 'Student' AND u.email NOT LIKE '%@lecturehub.dev') p
JOIN ranked r ON r.n = p.n
ON CONFLICT (student_id, course_id) DO NOTHING;

ALTER TABLE ledger_entries DISABLE TRIGGER ledger_transaction_balanced;
CREATE TEMP TABLE sales AS
SELECT gen_random_uuid() AS tx, gen_random_uuid() AS refund_tx, random() < 0.05 AS refunded, c.instructor_id, e.student_id, e.course_id, e.enrolled_at,
       c.price_krw AS gross, round(c.price_krw * 0.033)::bigint AS fee, round(c.price_krw * 0.2)::bigint AS commission
FROM enrollments e JOIN courses c ON c.id = e.course_id WHERE e.source = 'Purchase';
INSERT INTO ledger_entries (id, transaction_id, kind, account, amount_krw, instructor_id, course_id, occurred_at)
SELECT gen_random_uuid(), s.tx, 'Sale', leg.account, leg.amount, s.instructor_id, s.course_id, s.enrolled_at
FROM sales s CROSS JOIN LATERAL (VALUES ('GatewayReceivable', s.gross - s.fee), ('GatewayFees', s.fee), ('Commission', -s.commission),
                                        ('InstructorPayable', -(s.gross - s.commission))) AS leg(account, amount)
WHERE leg.amount <> 0
UNION ALL
SELECT gen_random_uuid(), s.refund_tx, 'Refund', leg.account, -leg.amount, s.instructor_id, s.course_id, s.enrolled_at + interval '2 days'
FROM sales s CROSS JOIN LATERAL (VALUES ('GatewayReceivable', s.gross - s.fee), ('GatewayFees', s.fee), ('Commission', -s.commission),
                                        ('InstructorPayable', -(s.gross - s.commission))) AS leg(account, amount)
WHERE s.refunded AND leg.amount <> 0 AND s.enrolled_at + interval '2 days' < now();
ALTER TABLE ledger_entries ENABLE TRIGGER ledger_transaction_balanced;
UPDATE enrollments e SET status = 'Refunded', ended_at = s.enrolled_at + interval '2 days'
FROM sales s WHERE s.refunded AND e.student_id = s.student_id AND e.course_id = s.course_id AND s.enrolled_at + interval '2 days' < now();
-- The course counter the API keeps with every enrolment and refund.
UPDATE course_stats s SET enrollment_count = (SELECT count(*) FROM enrollments e WHERE e.course_id = s.course_id AND e.status = 'Active');

INSERT INTO learner_days (day, student_id)
SELECT d::date, u.id FROM generate_series(current_date - 59, current_date, interval '1 day') d
JOIN users u ON u.role = 'Student' AND u.created_at <= d + interval '1 day' AND random() < 0.05
ON CONFLICT DO NOTHING;

-- The demo instructor's students watched their courses: each lecture started by two in three, watched from the start
-- to a point that falls off along the lecture (so the analytics have drop-offs to find).
INSERT INTO lecture_progress (student_id, lecture_id, watched, covered_ms, position_ms, position_at, updated_at)
SELECT w.student_id, w.lecture_id, int4multirange(int4range(0, w.to_ms)), w.to_ms, w.to_ms, w.at, w.at
FROM (SELECT e.student_id, l.id AS lecture_id, greatest(1, (l.duration_seconds * 1000 * power(random(), 0.5))::int) AS to_ms,
             e.enrolled_at + random() * (now() - e.enrolled_at) AS at
      FROM enrollments e JOIN ranked r ON r.id = e.course_id AND r.n < 100
      JOIN sections s ON s.course_id = e.course_id JOIN lectures l ON l.section_id = s.id
      WHERE e.status = 'Active' AND l.duration_seconds > 0 AND random() < 0.67) w
ON CONFLICT DO NOTHING;

INSERT INTO cohorts (id, owner_id, course_id, category_id, title, description, capacity, waitlist_capacity, selection, recruit_starts_at, recruit_ends_at,
                     class_starts_at, class_ends_at, location, is_online, fee_krw, visibility, form, terms, created_at, updated_at)
SELECT gen_random_uuid(), c.instructor_id, c.id, c.category_id, left(c.title, 100) || ' 실습반', '실습반', 100, 50, 'Review', c.opens, c.opens + interval '14 days',
       c.opens + interval '21 days', c.opens + interval '22 days', '서울', false, 0, 'Public', '{"version":1,"questions":[]}', '[]', c.opens, c.opens
FROM (SELECT c.*, now() - random() * interval '330 days' AS opens  -- drawn outside DISTINCT ON, whose ORDER BY random() it would share
      FROM (SELECT DISTINCT ON (c.instructor_id, k) c.instructor_id, c.id, c.category_id, c.title
            FROM courses c CROSS JOIN generate_series(1, 2) k ORDER BY c.instructor_id, k, random()) c) c;
CREATE TEMP TABLE students AS
SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM users WHERE role = 'Student' AND email NOT LIKE '%@lecturehub.dev';
CREATE UNIQUE INDEX ON students (n);
INSERT INTO cohort_applications (id, cohort_id, student_id, status, form, answers, accepted_terms, applied_at)
SELECT gen_random_uuid(), p.cohort_id, s.id, 'Applied', '{"version":1,"questions":[]}', '[]', '[]', p.at
FROM (SELECT h.id AS cohort_id, h.recruit_starts_at + random() * interval '14 days' AS at,
             floor(random() * (SELECT count(*) FROM students))::int AS n
      FROM cohorts h CROSS JOIN generate_series(1, 100)) p
JOIN students s ON s.n = p.n
WHERE p.at < now()  -- no fact in the future
ON CONFLICT DO NOTHING;

ANALYZE users; ANALYZE enrollments; ANALYZE ledger_entries; ANALYZE learner_days; ANALYZE lecture_progress; ANALYZE cohorts; ANALYZE cohort_applications;
SELECT 'unbalanced transactions: ' || count(*) FROM (SELECT 1 FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_krw) <> 0) t;
SELECT 'enrolments ' || (SELECT count(*) FROM enrollments) || ', ledger legs ' || (SELECT count(*) FROM ledger_entries) ||
       ', learner days ' || (SELECT count(*) FROM learner_days) || ', progress rows ' || (SELECT count(*) FROM lecture_progress) ||
       ', cohorts ' || (SELECT count(*) FROM cohorts) || ', applications ' || (SELECT count(*) FROM cohort_applications);
