using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LectureHub.Load.Runner;

namespace LectureHub.Load.Scenarios;

/// <summary>
/// Playback and watch progress against real videos. Setup (unmeasured) makes a free course whose lectures each get a
/// clip made by ffmpeg, uploads them and waits until the API's transcoder has made them Ready, then signs in and
/// enrols a pool of students. Sizes: LH_STREAM_STUDENTS (default 200), LH_STREAM_LECTURES (5), LH_STREAM_CLIP_SECONDS (30).
/// </summary>
internal static class Media
{
    private static int Students => Journeys.EnvInt("LH_STREAM_STUDENTS", 200);

    private static int Lectures => Journeys.EnvInt("LH_STREAM_LECTURES", 5);

    private static int ClipSeconds => Journeys.EnvInt("LH_STREAM_CLIP_SECONDS", 30);

    public static Scenario Playback => new()
    {
        Name = "playback",
        Description = "An enrolled student starts a lecture: authorize (signed URL + watch session) → master playlist → one variant playlist → " +
                      "init segment → first two media segments, all through the local signed CDN with query credentials.",
        DefaultModel = LoadModel.Closed(users: 32),
        Setup = SetupAsync,
        Iteration = async ctx =>
        {
            var viewer = ctx.Shared<Feed<Viewer>>("viewers").Next();
            if (await Authorize(ctx, viewer) is not { } grant)
            {
                return;
            }

            var masterUrl = new Uri(grant.Credentials.SignedMasterUrl);
            if (await Text(ctx, "master", masterUrl) is not { } master)
            {
                return;
            }

            var variantUrl = new Uri(masterUrl, Uris(master).First());
            if (await Text(ctx, "variant", variantUrl) is not { } variant)
            {
                return;
            }

            if (MapUri(variant) is { } init)
            {
                await ctx.Step("init", (http, ct) => http.GetAsync(new Uri(variantUrl, init), ct));
            }

            foreach (var segment in Uris(variant).Take(2))
            {
                await ctx.Step("segment", (http, ct) => http.GetAsync(new Uri(variantUrl, segment), ct));
            }
        },
    };

    public static Scenario AuthorizeOnly => new()
    {
        Name = "playback-authorize",
        Description = "POST /lectures/{id}/playback alone, by enrolled students: the access check, a (shared, cached) CloudFront signature and a watch session token (no I/O when the lecture and the enrolment are in memory).",
        DefaultModel = LoadModel.Closed(users: 64),
        Setup = SetupAsync,
        Iteration = ctx => Authorize(ctx, ctx.Shared<Feed<Viewer>>("viewers").Next()),
    };

    /// <summary>
    /// Viewers (student × lecture, each with its own watch session) take turns sending heartbeats: each covers what
    /// 0.9× the wall-clock time since that viewer's last one allows, at a random spot of the video (viewers seek), so
    /// the merged coverage is a real union. Verify waits for the flush and compares every viewer's coverage, to the
    /// millisecond, with the union of the heartbeats the API acknowledged.
    /// </summary>
    public static Scenario Heartbeats => new()
    {
        Name = "progress-heartbeats",
        Description = "Watch heartbeats (POST /lectures/{id}/progress, 202) from LH_STREAM_STUDENTS × LH_STREAM_LECTURES concurrent viewers, " +
                      "each with its own session, one heartbeat in flight per viewer. Afterwards every viewer's flushed coverage must equal " +
                      "the union of its acknowledged heartbeats.",
        DefaultModel = LoadModel.Open(rate: 5_000),
        Setup = async setup =>
        {
            await SetupAsync(setup);
            var sessions = new List<WatchSession>();
            foreach (var viewer in setup.Shared<Feed<Viewer>>("viewers").All)
            {
                var grant = await AuthorizeAsync(setup, viewer);
                sessions.Add(new WatchSession(viewer, grant.WatchSessionId ?? throw new InvalidOperationException("An enrolled student got no watch session."),
                    (int)Math.Floor(grant.DurationSeconds * 1000)));
            }

            setup.Share("idle", new ConcurrentQueue<WatchSession>(sessions));
            setup.Share("sessions", sessions);
        },
        Iteration = async ctx =>
        {
            var idle = ctx.Shared<ConcurrentQueue<WatchSession>>("idle");
            if (!idle.TryDequeue(out var session))
            {
                ctx.Pending("heartbeat", "every viewer has a heartbeat in flight");
                return;
            }

            try
            {
                var beat = session.Next();
                var response = await ctx.Step("heartbeat", (http, ct) => http.SendAsync(HeartbeatRequest(session, beat), ct), HttpStatusCode.Accepted);
                if (response is not null && !(await response.Content.ReadFromJsonAsync<HeartbeatAck>(JsonSerializerOptions.Web))!.Duplicate)
                {
                    session.Acknowledged(beat);
                }
            }
            finally
            {
                idle.Enqueue(session);
            }
        },
        Verify = VerifyCoverageAsync,
    };

    private static async Task<Grant?> Authorize(IterationContext ctx, Viewer viewer)
    {
        var response = await ctx.Step("authorize", (http, ct) => http.SendAsync(Journeys.Authorized(HttpMethod.Post, $"/api/v1/lectures/{viewer.Lecture}/playback", viewer.Student), ct));
        return response is null ? null : await response.Content.ReadFromJsonAsync<Grant>(JsonSerializerOptions.Web);
    }

    private static async Task<string?> Text(IterationContext ctx, string step, Uri url) =>
        await ctx.Step(step, (http, ct) => http.GetAsync(url, ct)) is { } response ? await response.Content.ReadAsStringAsync() : null;

    private static IEnumerable<string> Uris(string playlist) =>
        playlist.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static string? MapUri(string playlist) =>
        playlist.Split('\n').FirstOrDefault(l => l.StartsWith("#EXT-X-MAP:", StringComparison.Ordinal)) is { } map
            ? map[(map.IndexOf("URI=\"", StringComparison.Ordinal) + 5)..].Split('"')[0]
            : null;

    private static HttpRequestMessage HeartbeatRequest(WatchSession session, Beat beat)
    {
        var request = Journeys.Authorized(HttpMethod.Post, $"/api/v1/lectures/{session.Viewer.Lecture}/progress", session.Viewer.Student);
        request.Content = JsonContent.Create(new
        {
            sessionId = session.Id, seq = beat.Seq, from = beat.FromMs / 1000.0, to = beat.ToMs / 1000.0, rate = 1.0, position = beat.ToMs / 1000.0,
        });
        return request;
    }

    private static async Task<string> VerifyCoverageAsync(SetupContext setup)
    {
        var sessions = setup.Shared<List<WatchSession>>("sessions");
        var course = setup.Shared<Guid>("course");
        var acknowledged = sessions.Sum(s => s.AcknowledgedCount);
        var waited = Stopwatch.StartNew();
        var mismatches = new List<string>();
        for (var attempt = 0; attempt < 60; attempt++)
        {
            mismatches.Clear();
            foreach (var student in sessions.GroupBy(s => s.Viewer.Student))
            {
                using var response = await setup.Http.SendAsync(Journeys.Authorized(HttpMethod.Get, $"/api/v1/me/courses/{course}/progress", student.Key), setup.CancellationToken);
                var progress = (await response.Content.ReadFromJsonAsync<Progress>(JsonSerializerOptions.Web, setup.CancellationToken))!;
                foreach (var session in student)
                {
                    var stored = (int)Math.Round(progress.Curriculum.Single(l => l.LectureId == session.Viewer.Lecture).CoveredSeconds * 1000);
                    if (stored != session.CoveredMs())
                    {
                        mismatches.Add($"lecture {session.Viewer.Lecture}: stored {stored} ms, acknowledged {session.CoveredMs()} ms");
                    }
                }
            }

            if (mismatches.Count == 0)
            {
                return $"{acknowledged:N0} acknowledged heartbeats from {sessions.Count:N0} viewers: every viewer's coverage in PostgreSQL equals the union " +
                       $"of its acknowledged intervals to the millisecond (flushed within {waited.Elapsed.TotalSeconds:0.0} s of the run's end)";
            }

            await Task.Delay(500, setup.CancellationToken);
        }

        throw new InvalidOperationException($"{mismatches.Count} viewers' coverage differs after 30 s, e.g. {mismatches[0]}");
    }

    private static async Task SetupAsync(SetupContext setup)
    {
        var instructorEmail = Journeys.Email(0, "teacher");
        await Journeys.RegisterAsync(setup, instructorEmail, "Instructor");
        var instructor = await Journeys.SignInAsync(setup, instructorEmail);
        var (course, lectures) = await Journeys.PublishedCourseAsync(setup, instructor, "부하 테스트 배관 기초", priceKrw: 0, Lectures, ClipSeconds);
        var clip = await ClipAsync(ClipSeconds);
        var uploads = new List<Guid>();
        foreach (var lecture in lectures)
        {
            uploads.Add(await UploadAsync(setup, instructor, lecture, clip));
        }

        await WaitReadyAsync(setup, instructor, uploads);

        var viewers = new List<Viewer>();
        foreach (var email in await Journeys.RegisterAccountsAsync(setup, Students))
        {
            var student = await Journeys.SignInAsync(setup, email);
            await Journeys.Expect(setup, Journeys.Authorized(HttpMethod.Post, $"/api/v1/courses/{course}/enrollment", student), HttpStatusCode.Created, "enrol");
            viewers.AddRange(lectures.Select(lecture => new Viewer(student, lecture)));
        }

        setup.Share("course", course);
        setup.Share("viewers", new Feed<Viewer>(viewers));
    }

    private static async Task<Guid> UploadAsync(SetupContext setup, Journeys.Tokens instructor, Guid lecture, byte[] clip)
    {
        var start = Journeys.Authorized(HttpMethod.Post, $"/api/v1/lectures/{lecture}/video-uploads", instructor);
        start.Content = JsonContent.Create(new { fileName = "load.mp4", sizeBytes = clip.Length });
        var upload = (await (await Journeys.Expect(setup, start, HttpStatusCode.Created, "start an upload")).Content.ReadFromJsonAsync<IdOnly>(JsonSerializerOptions.Web))!.Id;

        var put = Journeys.Authorized(HttpMethod.Put, $"/api/v1/video-uploads/{upload}", instructor);
        put.Content = new ByteArrayContent(clip);
        put.Content.Headers.ContentRange = new ContentRangeHeaderValue(0, clip.Length - 1, clip.Length);
        await Journeys.Expect(setup, put, HttpStatusCode.OK, "upload the clip");
        return upload;
    }

    /// <summary>The API's transcode worker runs in the background; Ready usually takes a few seconds per clip.</summary>
    private static async Task WaitReadyAsync(SetupContext setup, Journeys.Tokens instructor, List<Guid> uploads)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var upload in uploads)
        {
            while (true)
            {
                using var response = await setup.Http.SendAsync(Journeys.Authorized(HttpMethod.Get, $"/api/v1/video-uploads/{upload}", instructor), setup.CancellationToken);
                var state = (await response.Content.ReadFromJsonAsync<UploadState>(JsonSerializerOptions.Web, setup.CancellationToken))!;
                if (state.Status == "Ready")
                {
                    break;
                }

                if (state.Status == "Failed" || deadline.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new InvalidOperationException($"Setup: upload {upload} is {state.Status} ({state.Error ?? "still transcoding after 5 minutes"}). Is Transcoding:Enabled on?");
                }

                await Task.Delay(250, setup.CancellationToken);
            }
        }
    }

    private static async Task<Grant> AuthorizeAsync(SetupContext setup, Viewer viewer)
    {
        var response = await Journeys.Expect(setup, Journeys.Authorized(HttpMethod.Post, $"/api/v1/lectures/{viewer.Lecture}/playback", viewer.Student), HttpStatusCode.OK, "authorize playback");
        return (await response.Content.ReadFromJsonAsync<Grant>(JsonSerializerOptions.Web))!;
    }

    /// <summary>A lavfi test clip with a tone, made once per process (nothing binary in the repository).</summary>
    private static async Task<byte[]> ClipAsync(int seconds)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lecturehub-load-{seconds}s.mp4");
        if (!File.Exists(path))
        {
            var partial = path + ".partial.mp4";
            using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
                ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                 "-t", seconds.ToString(CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-y", partial])
            { RedirectStandardError = true })!;
            var errors = await ffmpeg.StandardError.ReadToEndAsync();
            await ffmpeg.WaitForExitAsync();
            if (ffmpeg.ExitCode != 0)
            {
                throw new InvalidOperationException($"Setup: ffmpeg could not make a test clip: {errors}");
            }

            File.Move(partial, path, overwrite: true);
        }

        return await File.ReadAllBytesAsync(path);
    }

    private sealed record Viewer(Journeys.Tokens Student, Guid Lecture);

    private readonly record struct Beat(long Seq, int FromMs, int ToMs);

    /// <summary>One viewer's session: what it sends next, and the intervals the API acknowledged (not duplicates).</summary>
    private sealed class WatchSession(Viewer viewer, string id, int durationMs)
    {
        private readonly List<(int From, int To)> _acknowledged = [];
        private long _lastSent = Stopwatch.GetTimestamp();
        private long _seq = -1;

        public Viewer Viewer { get; } = viewer;

        public string Id { get; } = id;

        public int AcknowledgedCount => _acknowledged.Count;

        /// <summary>Only ever called by the one iteration holding this session (the idle queue hands it out), so no lock.</summary>
        public Beat Next()
        {
            var now = Stopwatch.GetTimestamp();
            var length = (int)Math.Min(Stopwatch.GetElapsedTime(_lastSent, now).TotalMilliseconds * 0.9, 10_000);
            _lastSent = now;
            var from = Random.Shared.Next(0, Math.Max(1, durationMs - length));
            return new Beat(++_seq, from, Math.Min(from + length, durationMs));
        }

        public void Acknowledged(Beat beat) => _acknowledged.Add((beat.FromMs, beat.ToMs));

        public int CoveredMs()
        {
            var (covered, end) = (0, int.MinValue);
            foreach (var (from, to) in _acknowledged.Where(i => i.To > i.From).OrderBy(i => i.From))
            {
                if (to > end)
                {
                    covered += to - Math.Max(from, end);
                    end = to;
                }
            }

            return covered;
        }
    }

    private sealed record IdOnly(Guid Id);

    private sealed record UploadState(string Status, string? Error);

    private sealed record Credentials(string SignedMasterUrl);

    private sealed record Grant(double DurationSeconds, Credentials Credentials, string? WatchSessionId);

    private sealed record HeartbeatAck(bool Duplicate);

    private sealed record LectureCoverage(Guid LectureId, double CoveredSeconds);

    private sealed record Progress(List<LectureCoverage> Curriculum);
}
