using System.Diagnostics;
using System.Net;
using LectureHub.Load.Runner;
using Npgsql;
using NpgsqlTypes;

namespace LectureHub.Load.DataGen;

/// <summary>
/// Community data for load tests and query plans, after <see cref="CatalogGenerator"/>: posts on the seeded boards,
/// comments (three in ten replies), post and comment reactions, reviews by enrolled students (with their enrolments)
/// and course questions with answers, all by binary COPY, with every counter computed from the rows. Activity is
/// Zipf-distributed: a few posts and courses draw most comments, reactions and reviews, as on a real site.
/// </summary>
public sealed class CommunityGenerator(NpgsqlDataSource db, int seed = 2027)
{
    private static readonly string[] Topics = ["TIG 용접", "배관 누수", "전기기능사 실기", "타일 줄눈", "보일러 분배기", "에어컨 배관", "굴삭기 면허", "목공 짜맞춤", "도장 프라이머", "철근 결속"];
    private static readonly string[] Asks = ["질문 있습니다", "후기 공유합니다", "현장 팁", "장비 추천 부탁드려요", "합격 후기", "이거 맞나요?", "초보 질문", "단가 문의"];
    private static readonly string[] Lines =
    [
        "현장에서 직접 해 보니 생각보다 각도가 중요하더라고요.", "자격증 실기 준비 중인데 조언 부탁드립니다.", "공구는 비싼 것보다 손에 맞는 게 낫습니다.",
        "안전장비 꼭 착용하세요. 작년에 다칠 뻔했습니다.", "강의 3장 내용이랑 비교해 보면 이해가 쉬워요.", "이 방법으로 누수 잡았습니다. 감사합니다!",
    ];

    private readonly Random _random = new(seed);

    public async Task GenerateAsync(int posts, int comments, int reactions, int reviews, int questions, Action<string> log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await db.OpenConnectionAsync(ct);
        var boards = await IdsAsync(connection, "SELECT id FROM boards ORDER BY sort_order", ct);
        var users = await IdsAsync(connection, "SELECT id FROM users WHERE email LIKE '%@gen.lecturehub.dev' ORDER BY id", ct);
        var courses = await IdsAsync(connection, "SELECT id FROM courses WHERE status = 'Published' ORDER BY published_at DESC", ct);
        if (boards.Count == 0 || users.Count == 0 || courses.Count == 0)
        {
            throw new InvalidOperationException("Boards, generated users and courses come first: `migrate`, then generate-catalog.");
        }

        var now = DateTimeOffset.UtcNow;
        var postIds = await CopyPostsAsync(connection, posts, boards, users, now, ct);
        log($"{posts:N0} posts ({clock.Elapsed.TotalSeconds:0.0} s)");
        var commentIds = await CopyCommentsAsync(connection, comments, postIds, users, now, ct);
        log($"{comments:N0} comments ({clock.Elapsed.TotalSeconds:0.0} s)");
        await CopyReactionsAsync(connection, "post_reactions", "post_id", reactions / 2, postIds.Select(p => p.Id).ToArray(), users, now, ct);
        await CopyReactionsAsync(connection, "comment_reactions", "comment_id", reactions - (reactions / 2), commentIds, users, now, ct);
        log($"{reactions:N0} reactions ({clock.Elapsed.TotalSeconds:0.0} s)");
        await CopyReviewsAsync(connection, reviews, courses, users, now, ct);
        log($"{reviews:N0} reviews with their enrolments ({clock.Elapsed.TotalSeconds:0.0} s)");
        await CopyQuestionsAsync(connection, questions, courses, users, now, ct);
        log($"{questions:N0} questions and their answers ({clock.Elapsed.TotalSeconds:0.0} s)");

        // Counters from the rows, as the commands keep them.
        await ExecuteAsync(connection, """
            INSERT INTO post_stats (post_id, board_id, view_count, comment_count, like_count, dislike_count, hot_score)
            SELECT p.id, p.board_id, 0,
                   (SELECT count(*) FROM comments c WHERE c.post_id = p.id),
                   (SELECT count(*) FROM post_reactions r WHERE r.post_id = p.id AND r.kind = 'Like'),
                   (SELECT count(*) FROM post_reactions r WHERE r.post_id = p.id AND r.kind = 'Dislike'), 0
            FROM posts p;
            UPDATE post_stats s SET view_count = (s.comment_count + s.like_count + s.dislike_count) * 7 + (hashtext(s.post_id::text) & 63);
            UPDATE comments c SET like_count = r.likes, dislike_count = r.dislikes
            FROM (SELECT comment_id, count(*) FILTER (WHERE kind = 'Like') AS likes, count(*) FILTER (WHERE kind = 'Dislike') AS dislikes
                  FROM comment_reactions GROUP BY comment_id) r
            WHERE c.id = r.comment_id;
            UPDATE course_stats s SET rating_count = r.n, rating_sum = r.total, enrollment_count = s.enrollment_count + r.n
            FROM (SELECT course_id, count(*) AS n, sum(rating) AS total FROM course_reviews GROUP BY course_id) r
            WHERE s.course_id = r.course_id;
            UPDATE post_stats s SET hot_score = h.n
            FROM (SELECT post_id, count(*) AS n FROM (
                    SELECT post_id FROM post_reactions WHERE reacted_at >= now() - interval '7 days'
                    UNION ALL SELECT post_id FROM comments WHERE created_at >= now() - interval '7 days') a GROUP BY post_id) h
            WHERE s.post_id = h.post_id;
            ANALYZE posts, post_stats, comments, post_reactions, comment_reactions, course_reviews, enrollments, questions, answers, course_stats;
            """, ct);
        log($"counters and statistics; community done in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<List<(Guid Id, DateTimeOffset At)>> CopyPostsAsync(
        NpgsqlConnection connection, int count, List<Guid> boards, List<Guid> users, DateTimeOffset now, CancellationToken ct)
    {
        var ids = new List<(Guid, DateTimeOffset)>(count);
        var boardPicker = new ZipfSampler<Guid>(boards, 0.7);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY posts (id, board_id, author_id, title, body_markdown, body_html, created_at, is_hidden, is_locked) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            // Newer posts are more numerous: a growing community.
            var at = now.AddMinutes(-(int)(60 * 24 * 365 * Math.Pow(_random.NextDouble(), 2)));
            var line = Pick(Lines);
            var body = $"{Pick(Topics)} 관련해서 글 남깁니다.\n\n{line}\n\n{Pick(Lines)}";
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(boardPicker.Next(_random), NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(users[_random.Next(users.Count)], NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync($"{Pick(Topics)} {Pick(Asks)} #{i}", NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(body, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(Html(body), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            ids.Add((id, at));
        }

        await copy.CompleteAsync(ct);
        return ids;
    }

    private async Task<Guid[]> CopyCommentsAsync(
        NpgsqlConnection connection, int count, List<(Guid Id, DateTimeOffset At)> posts, List<Guid> users, DateTimeOffset now, CancellationToken ct)
    {
        var ids = new Guid[count];
        var postPicker = new ZipfSampler<int>(Shuffled(posts.Count), 1.0);
        var topLevel = new Dictionary<int, List<Guid>>();
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY comments (id, post_id, parent_id, thread_id, author_id, body_markdown, body_html, created_at, is_hidden, like_count, dislike_count) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < count; i++)
        {
            var post = postPicker.Next(_random);
            var id = Guid.CreateVersion7();
            Guid? parent = topLevel.TryGetValue(post, out var threads) && _random.Next(10) < 3 ? threads[_random.Next(threads.Count)] : null;
            if (parent is null)
            {
                (topLevel.TryGetValue(post, out var list) ? list : topLevel[post] = []).Add(id);
            }

            var at = posts[post].At + (now - posts[post].At) * Math.Pow(_random.NextDouble(), 3);
            var body = Pick(Lines);
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(posts[post].Id, NpgsqlDbType.Uuid, ct);
            if (parent is { } parentId)
            {
                await copy.WriteAsync(parentId, NpgsqlDbType.Uuid, ct);
            }
            else
            {
                await copy.WriteNullAsync(ct);
            }

            await copy.WriteAsync(parent ?? id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(users[_random.Next(users.Count)], NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(body, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(Html(body), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
            ids[i] = id;
        }

        await copy.CompleteAsync(ct);
        return ids;
    }

    /// <summary>Reactions by random users on Zipf-chosen targets, unique per (target, user); one in five a dislike.</summary>
    private async Task CopyReactionsAsync(
        NpgsqlConnection connection, string table, string column, int count, Guid[] targets, List<Guid> users, DateTimeOffset now, CancellationToken ct)
    {
        var picker = new ZipfSampler<int>(Shuffled(targets.Length), 1.0);
        var seen = new HashSet<(int, int)>();
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({column}, user_id, kind, reacted_at) FROM STDIN (FORMAT BINARY)", ct);
        for (var attempts = 0; seen.Count < count && attempts < count * 3; attempts++)
        {
            var target = picker.Next(_random);
            var user = _random.Next(users.Count);
            if (seen.Add((target, user)))
            {
                await copy.WriteRowAsync(ct, targets[target], users[user], _random.Next(5) == 0 ? "Dislike" : "Like", now.AddMinutes(-_random.Next(0, 60 * 24 * 60)));
            }
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>Reviews on Zipf-chosen courses by students enrolled for free in them (the enrolment rows come along).</summary>
    private async Task CopyReviewsAsync(NpgsqlConnection connection, int count, List<Guid> courses, List<Guid> users, DateTimeOffset now, CancellationToken ct)
    {
        var picker = new ZipfSampler<int>(Shuffled(courses.Count), 0.9);
        var pairs = new HashSet<(int Course, int User)>();
        for (var attempts = 0; pairs.Count < count && attempts < count * 3; attempts++)
        {
            pairs.Add((picker.Next(_random), _random.Next(users.Count)));
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY enrollments (id, student_id, course_id, status, source, enrolled_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (course, user) in pairs)
            {
                await copy.WriteRowAsync(ct, Guid.CreateVersion7(), users[user], courses[course], "Active", "Free", now.AddDays(-_random.Next(1, 365)));
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY course_reviews (id, course_id, student_id, rating, body, progress_percent, created_at, counts_toward_rating, revision, helpful_count) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (course, user) in pairs)
            {
                // Mostly good, as marketplaces are: 5 and 4 stars take two thirds.
                var rating = _random.Next(100) switch { < 45 => 5, < 70 => 4, < 85 => 3, < 93 => 2, _ => 1 };
                await copy.WriteRowAsync(ct, Guid.CreateVersion7(), courses[course], users[user], rating, Pick(Lines), Math.Round(_random.NextDouble() * 100, 1),
                    now.AddDays(-_random.Next(0, 365)), true, 0, (int)(20 * Math.Pow(_random.NextDouble(), 4)));
            }

            await copy.CompleteAsync(ct);
        }
    }

    private async Task CopyQuestionsAsync(NpgsqlConnection connection, int count, List<Guid> courses, List<Guid> users, DateTimeOffset now, CancellationToken ct)
    {
        var picker = new ZipfSampler<int>(Shuffled(courses.Count), 0.9);
        var answers = new List<(Guid Question, DateTimeOffset At)>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY questions (id, course_id, author_id, title, body_markdown, body_html, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7();
                var at = now.AddDays(-_random.Next(0, 365));
                var body = Pick(Lines);
                await copy.WriteRowAsync(ct, id, courses[picker.Next(_random)], users[_random.Next(users.Count)], $"{Pick(Topics)} {Pick(Asks)}", body, Html(body), at);
                for (var a = _random.Next(4); a > 0; a--)
                {
                    answers.Add((id, at.AddHours(_random.Next(1, 72))));
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY answers (id, question_id, author_id, by_instructor, body_markdown, body_html, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (question, at) in answers)
            {
                var body = Pick(Lines);
                await copy.WriteRowAsync(ct, Guid.CreateVersion7(), question, users[_random.Next(users.Count)], false, body, Html(body), at);
            }

            await copy.CompleteAsync(ct);
        }
    }

    /// <summary>What the renderer makes of these plain paragraphs: escaped text in &lt;p&gt;s.</summary>
    private static string Html(string markdown) => string.Concat(markdown.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));

    private static int[] Shuffled(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(count).Shuffle(order);
        return order;
    }

    private static async Task<List<Guid>> IdsAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
