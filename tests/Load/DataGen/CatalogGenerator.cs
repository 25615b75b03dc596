using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace LectureHub.Load.DataGen;

/// <summary>
/// Builds a realistic catalog straight into PostgreSQL with binary COPY: instructors, students, published courses with
/// Korean titles from trade vocabulary, curricula, likes and their counters. For load tests and query plans, not for
/// tests. Expects a migrated database with the trade categories seeded (`LectureHub.WebApi.dll migrate`).
/// </summary>
public sealed class CatalogGenerator(NpgsqlDataSource db, int seed = 2026)
{
    /// <summary>
    /// Every generated account reuses the hash of the demo student seeded by `migrate --demo-accounts` (hashing 200k
    /// passwords would take hours), so they all sign in with that account's password.
    /// </summary>
    public const string TemplateAccount = "lee.student@lecturehub.dev";
    public const string Password = "Student-pass-2026";

    private static readonly string[] Topics =
    [
        "용접", "특수용접", "TIG 용접", "CO2 용접", "피복아크", "배관", "동관 배관", "누수 탐지", "전기", "전기기능사", "전기공사", "태양광",
        "내선 공사", "목공", "가구 제작", "인테리어 목공", "타일", "미장", "도장", "냉난방", "에어컨 설치", "보일러", "자동차 정비", "판금",
        "중장비", "굴삭기", "지게차", "철근", "콘크리트", "방수", "용접기능사", "배관기능사", "공조냉동", "승강기", "소방설비",
    ];

    private static readonly string[] Kinds = ["입문", "기초", "실무", "완성", "자격증 대비", "현장 노하우", "실기", "필기", "심화", "마스터 클래스", "한 번에 끝내기"];
    private static readonly string[] Surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권"];
    private static readonly string[] Given = ["민준", "서준", "도윤", "예준", "시우", "하준", "지호", "주원", "지훈", "현우", "건우", "우진", "선우", "서진", "민재", "영수", "철수"];
    private static readonly string[] Levels = ["Beginner", "Intermediate", "Advanced"];

    private readonly Random _random = new(seed);

    public async Task GenerateAsync(int instructors, int students, int courses, int likes, Action<string> log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var template = new NpgsqlCommand("SELECT password_hash FROM users WHERE normalized_email = $1", connection) { Parameters = { new() { Value = TemplateAccount } } };
        var passwordHash = await template.ExecuteScalarAsync(ct) as string
            ?? throw new InvalidOperationException($"No {TemplateAccount}: run `LectureHub.WebApi.dll migrate --demo-accounts` against this database first.");
        var categories = new List<Guid>();
        await using (var read = new NpgsqlCommand("SELECT id FROM categories ORDER BY sort_order", connection))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                categories.Add(reader.GetGuid(0));
            }
        }

        if (categories.Count == 0)
        {
            throw new InvalidOperationException("No categories: run `LectureHub.WebApi.dll migrate` against this database first.");
        }

        var now = DateTimeOffset.UtcNow;
        var instructorIds = await CopyUsersAsync(connection, "instructor", "Instructor", instructors, passwordHash, now, ct);
        log($"{instructors:N0} instructors ({clock.Elapsed.TotalSeconds:0.0} s)");
        var studentIds = await CopyUsersAsync(connection, "student", "Student", students, passwordHash, now, ct);
        log($"{students:N0} students ({clock.Elapsed.TotalSeconds:0.0} s)");
        var courseIds = await CopyCoursesAsync(connection, courses, instructorIds, categories, now, ct);
        log($"{courses:N0} courses with curricula ({clock.Elapsed.TotalSeconds:0.0} s)");
        await CopyLikesAsync(connection, likes, studentIds, courseIds, now, ct);
        log($"{likes:N0} likes and counters ({clock.Elapsed.TotalSeconds:0.0} s)");
        await using var analyze = new NpgsqlCommand("ANALYZE users, courses, sections, lectures, course_likes, course_stats", connection);
        await analyze.ExecuteNonQueryAsync(ct);
        log($"analyzed; done in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<Guid[]> CopyUsersAsync(NpgsqlConnection connection, string kind, string role, int count, string hash, DateTimeOffset now, CancellationToken ct)
    {
        var ids = new Guid[count];
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY users (id, email, normalized_email, display_name, password_hash, role, service_terms_version, privacy_terms_version, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < count; i++)
        {
            ids[i] = Guid.CreateVersion7();
            var email = $"{kind}{i}@gen.lecturehub.dev";
            // Agreed to the first terms (the ones `migrate` publishes), so their tokens pass the terms gate.
            await copy.WriteRowAsync(ct, ids[i], email, email, Pick(Surnames) + Pick(Given), hash, role, 1, 1, now, now);
        }

        await copy.CompleteAsync(ct);
        return ids;
    }

    private async Task<Guid[]> CopyCoursesAsync(NpgsqlConnection connection, int count, Guid[] instructors, List<Guid> categories, DateTimeOffset now, CancellationToken ct)
    {
        var ids = new Guid[count];
        var sections = new List<(Guid Id, Guid Course, string Title, int Position)>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY courses (id, instructor_id, category_id, title, summary, description, level, language, price_krw, tags, status, created_at, updated_at, published_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < count; i++)
            {
                ids[i] = Guid.CreateVersion7();
                var topic = Pick(Topics);
                var title = $"{topic} {Pick(Kinds)} {i % 97 + 1}강";
                var published = now.AddMinutes(-_random.Next(0, 60 * 24 * 365 * 3));
                var price = _random.Next(10) == 0 ? 0L : _random.Next(1, 30) * 5_000L;
                string[] tags = [topic, Pick(Topics), Pick(Kinds)];
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(Pick(instructors), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(Pick(categories), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(title, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync($"{topic}을(를) 현장 경력 20년 강사에게 배우는 {Pick(Kinds)} 과정", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync($"# {title}\n\n현장에서 바로 쓰는 {topic} 기술을 단계별로 익힙니다.", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(Pick(Levels), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("ko", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(price, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(tags, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync("Published", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(published, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(published, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(published, NpgsqlDbType.TimestampTz, ct);
                for (var s = 1; s <= 2; s++)
                {
                    sections.Add((Guid.CreateVersion7(), ids[i], $"{s}장", s));
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY sections (id, course_id, title, position) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var s in sections)
            {
                await copy.WriteRowAsync(ct, s.Id, s.Course, s.Title, s.Position);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY lectures (id, section_id, title, position, duration_seconds, is_free_preview) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var s in sections)
            {
                for (var l = 1; l <= 3; l++)
                {
                    await copy.WriteRowAsync(ct, Guid.CreateVersion7(), s.Id, $"{s.Position}-{l} 강의", l, _random.Next(300, 1800), s.Position == 1 && l == 1);
                }
            }

            await copy.CompleteAsync(ct);
        }

        return ids;
    }

    /// <summary>Likes skewed towards a few popular courses (a power law), unique per (student, course).</summary>
    private async Task CopyLikesAsync(NpgsqlConnection connection, int count, Guid[] students, Guid[] courses, DateTimeOffset now, CancellationToken ct)
    {
        var seen = new HashSet<(int, int)>();
        var perCourse = new int[courses.Length];
        await using (var copy = await connection.BeginBinaryImportAsync("COPY course_likes (user_id, course_id, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            var attempts = 0;
            while (seen.Count < count && attempts++ < count * 3)
            {
                var student = _random.Next(students.Length);
                var course = (int)(courses.Length * Math.Pow(_random.NextDouble(), 3));
                if (seen.Add((student, course)))
                {
                    perCourse[course]++;
                    await copy.WriteRowAsync(ct, students[student], courses[course], now.AddMinutes(-_random.Next(0, 60 * 24 * 365)));
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY course_stats (course_id, like_count, enrollment_count, rating_count, rating_sum) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < courses.Length; i++)
            {
                await copy.WriteRowAsync(ct, courses[i], perCourse[i], _random.Next(0, 500), 0, 0);
            }

            await copy.CompleteAsync(ct);
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
