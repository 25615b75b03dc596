using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LectureHub.Load.Runner;

namespace LectureHub.Load.Scenarios;

/// <summary>
/// Limited-seat cohorts under a sign-up rush (issue #5): seed 004's register → login → apply journey, and a rush of
/// signed-in students on one cohort whose end state is checked through the API.
/// </summary>
internal static class CohortRush
{
    /// <summary>Students signed in before a rush; LH_RUSH_STUDENTS changes it (registration hashes a password each).</summary>
    private static int RushStudents => int.TryParse(Environment.GetEnvironmentVariable("LH_RUSH_STUDENTS"), out var n) && n > 0 ? n : 400;

    /// <summary>Cohorts the rush moves through one after another; LH_RUSH_COHORTS changes it, for a sustained rate of applications.</summary>
    private static int RushCohorts => int.TryParse(Environment.GetEnvironmentVariable("LH_RUSH_COHORTS"), out var n) && n > 0 ? n : 1;

    public static Scenario Seed004 => new()
    {
        Name = "seed004-flow",
        Description = "The MClass planning document's load-tested journey (seed 004, section 6): register → login → apply to a 200-seat cohort " +
                      "with a 100-place waitlist (201, or 409 COHORT_FULL once both are taken). Published: 10 RPS peak, p95 1,130 ms, 30% errors.",
        DefaultModel = LoadModel.Open(rate: 10),
        Setup = async setup => setup.Share("cohort", await OpenCohortAsync(setup, seats: 200, waitlist: 100)),
        Iteration = async ctx =>
        {
            var email = Journeys.Email(ctx.Sequence);
            if (await Journeys.Register(ctx, email) is not null && await Journeys.Login(ctx, email) is { } tokens)
            {
                await Apply(ctx, ctx.Shared<Cohort>("cohort").Id, tokens, Guid.NewGuid().ToString(), "apply");
            }
        },
    };

    public static Scenario Rush => new()
    {
        Name = "enrollment-rush",
        Description = "N signed-in students (LH_RUSH_STUDENTS, default 400) apply to a cohort of N/2 seats and N/4 waitlist places at once " +
                      "(step apply), then to the next of LH_RUSH_COHORTS cohorts (default 1), so a long run is a rush after a rush; later " +
                      "iterations are the same students retrying with their Idempotency-Key (step retry: the stored answer). " +
                      "Run it without warm-up. Afterwards every cohort's seat counts are checked through the API.",
        DefaultModel = LoadModel.Open(rate: 1_000),
        Setup = async setup =>
        {
            var students = RushStudents;
            var owner = await InstructorAsync(setup);
            var cohorts = new List<Cohort>();
            for (var i = 0; i < RushCohorts; i++)
            {
                cohorts.Add(await OpenCohortAsync(setup, owner, seats: students / 2, waitlist: students / 4));
            }

            var signedIn = new List<Student>();
            foreach (var email in await Journeys.RegisterAccountsAsync(setup, students))
            {
                signedIn.Add(new Student("rush-" + email, await Journeys.SignInAsync(setup, email)));
            }

            await WarmUpAsync(setup, signedIn);
            setup.Share("cohorts", cohorts);
            setup.Share("students", signedIn);
            setup.Share("answered", new ConcurrentDictionary<long, bool>());
        },
        Iteration = async ctx =>
        {
            var students = ctx.Shared<List<Student>>("students");
            var cohorts = ctx.Shared<List<Cohort>>("cohorts");
            var application = ctx.Sequence % (students.Count * cohorts.Count);
            var (cohort, student) = (cohorts[(int)(application / students.Count)], students[(int)(application % students.Count)]);
            // A student whose first answer was lost (scripts/chaos.sh kills an instance) is answered by a retry's stored answer.
            var step = ctx.Sequence < students.Count * cohorts.Count ? "apply" : "retry";
            if (await Apply(ctx, cohort.Id, student.Tokens, $"{student.IdempotencyKey}-{cohort.Id}", step) is not null)
            {
                ctx.Shared<ConcurrentDictionary<long, bool>>("answered")[application] = true;
            }
        },
        Verify = async setup =>
        {
            var cohorts = setup.Shared<List<Cohort>>("cohorts");
            var students = setup.Shared<List<Student>>("students").Count;
            var answered = setup.Shared<ConcurrentDictionary<long, bool>>("answered").Keys
                .GroupBy(application => (int)(application / students)).ToDictionary(group => group.Key, group => group.Count());
            var texts = new List<string>();
            // A cohort the run did not reach must hold no application.
            for (var i = 0; i < cohorts.Count; i++)
            {
                // Stats are read from a standby: allow it a moment to replay the last commits.
                var (ok, text) = (false, "");
                for (var attempt = 0; attempt < 10 && !ok; attempt++)
                {
                    await Task.Delay(attempt == 0 ? 0 : 200, setup.CancellationToken);
                    (ok, text) = await CheckCountsAsync(setup, cohorts[i], students, answered.GetValueOrDefault(i));
                }

                if (!ok)
                {
                    throw new InvalidOperationException(cohorts.Count == 1 ? text : $"cohort {i + 1} of {cohorts.Count}: {text}");
                }

                texts.Add(text);
            }

            return cohorts.Count == 1 ? texts[0] : $"{cohorts.Count} cohorts exact, {answered.Values.Sum()} applications answered; last reached: {texts[answered.Keys.DefaultIfEmpty().Max()]}";
        },
    };

    private static async Task<(bool Ok, string Text)> CheckCountsAsync(SetupContext setup, Cohort cohort, int students, int answered)
    {
        using var response = await setup.Http.SendAsync(Journeys.Authorized(HttpMethod.Get, $"/api/v1/cohorts/{cohort.Id}/stats", cohort.Owner), setup.CancellationToken);
        var stats = (await response.Content.ReadFromJsonAsync<Stats>(JsonSerializerOptions.Web, setup.CancellationToken))!;
        var approved = stats.ByStatus.GetValueOrDefault("Approved");
        var waitlisted = stats.ByStatus.GetValueOrDefault("Waitlisted");
        var text = $"{answered} of {students} students answered; seats {stats.SeatsTaken}/{stats.Capacity}, waitlist {stats.WaitlistLength}/{stats.WaitlistCapacity}; " +
                   $"applications: {approved} Approved, {waitlisted} Waitlisted, {stats.ByStatus.Values.Sum() - approved - waitlisted} other";

        // Every answered student holds a seat, then a waitlist place, until both run out; the counters equal the rows.
        var expectedSeats = (int)Math.Min(answered, stats.Capacity);
        var expectedWaitlist = (int)Math.Min(answered - expectedSeats, stats.WaitlistCapacity);
        return approved == expectedSeats && waitlisted == expectedWaitlist && stats.SeatsTaken == approved && stats.WaitlistLength == waitlisted
               && stats.ByStatus.Values.Sum() == approved + waitlisted
            ? (true, text)
            : (false, text);
    }

    private static Task<HttpResponseMessage?> Apply(IterationContext ctx, Guid cohortId, Journeys.Tokens student, string key, string step) =>
        ctx.Step(step, (http, ct) => http.SendAsync(ApplyRequest(cohortId, student, key), ct), HttpStatusCode.Created, HttpStatusCode.Conflict);

    private static HttpRequestMessage ApplyRequest(Guid cohortId, Journeys.Tokens student, string key)
    {
        var request = Journeys.Authorized(HttpMethod.Post, $"/api/v1/cohorts/{cohortId}/applications", student);
        request.Headers.Add("Idempotency-Key", key);
        request.Content = JsonContent.Create(new { answers = Array.Empty<object>(), acceptedTerms = Array.Empty<object>() });
        return request;
    }

    /// <summary>
    /// A rush meets a server that has served applications before. The .NET runtime compiles a hot method again once
    /// it has been called some 30 times after a quiet spell (quick code, then instrumented, then optimised), so a
    /// server that had seen one busy burst of applications still spent more CPU in the JIT than in requests during
    /// the rush (<c>perf</c>, <c>DOTNET_JitStdOutFile</c>). Warm-up therefore comes in rounds with pauses: each round
    /// 160 students apply twice (the second a replay) to a small cohort of its own that fills (seats, waitlist,
    /// full), sixteen at a time. The run then measures the rush, not the JIT.
    /// </summary>
    private static async Task WarmUpAsync(SetupContext setup, List<Student> students)
    {
        const int Rounds = 4, Applicants = 160;
        for (var round = 1; round <= Rounds; round++)
        {
            var warmUp = await OpenCohortAsync(setup, seats: Applicants / 4, waitlist: Applicants / 4, owner: round);
            foreach (var wave in students.Take(Applicants).Chunk(16))
            {
                await Task.WhenAll(wave.Select(async student =>
                {
                    var key = $"warm-up-{round}-{student.IdempotencyKey}";
                    for (var attempt = 0; attempt < 2; attempt++)
                    {
                        using var response = await setup.Http.SendAsync(ApplyRequest(warmUp.Id, student.Tokens, key), setup.CancellationToken);
                        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
                        {
                            throw new InvalidOperationException($"Warm-up application failed: {(int)response.StatusCode}");
                        }
                    }
                }));
            }

            await Task.Delay(TimeSpan.FromSeconds(1.5), setup.CancellationToken);
        }
    }

    /// <summary>An instructor registered for the run (one per <paramref name="owner"/>).</summary>
    private static async Task<Journeys.Tokens> InstructorAsync(SetupContext setup, int owner = 0)
    {
        var email = Journeys.Email(owner, "owner");
        await Journeys.RegisterAsync(setup, email, "Instructor");
        return await Journeys.SignInAsync(setup, email);
    }

    /// <summary>An instructor (registered for the run) opens a first-come cohort recruiting now.</summary>
    private static async Task<Cohort> OpenCohortAsync(SetupContext setup, int seats, int waitlist, int owner = 0) =>
        await OpenCohortAsync(setup, await InstructorAsync(setup, owner), seats, waitlist);

    private static async Task<Cohort> OpenCohortAsync(SetupContext setup, Journeys.Tokens tokens, int seats, int waitlist)
    {
        var now = DateTimeOffset.UtcNow;
        var create = Journeys.Authorized(HttpMethod.Post, "/api/v1/cohorts", tokens);
        create.Content = JsonContent.Create(new
        {
            title = "부하 테스트 용접 실습반", capacity = seats, waitlistCapacity = waitlist, selection = "FirstCome",
            recruitStartsAt = now.AddMinutes(-1), recruitEndsAt = now.AddDays(1), classStartsAt = now.AddDays(2), classEndsAt = now.AddDays(2).AddHours(6),
            isOnline = true, feeKrw = 0, visibility = "Unlisted",
        });
        using var created = await setup.Http.SendAsync(create, setup.CancellationToken);
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Setup could not create the cohort: {(int)created.StatusCode}");
        }

        var id = (await created.Content.ReadFromJsonAsync<IdOnly>(JsonSerializerOptions.Web, setup.CancellationToken))!.Id;
        return new Cohort(id, tokens);
    }

    private sealed record Cohort(Guid Id, Journeys.Tokens Owner);

    private sealed record Student(string IdempotencyKey, Journeys.Tokens Tokens);

    private sealed record IdOnly(Guid Id);

    private sealed record Stats(int Capacity, int SeatsTaken, int WaitlistCapacity, int WaitlistLength, Dictionary<string, int> ByStatus);
}
