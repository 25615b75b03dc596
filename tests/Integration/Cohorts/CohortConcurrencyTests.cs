using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Cohorts;

/// <summary>
/// The sign-up rush, through two API instances (two hosts, each with its own connection pools and outbox relay) on
/// the one database: the seat counts come out exact, with no 5xx and no student twice.
/// </summary>
public sealed class CohortConcurrencyTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Two_thousand_concurrent_applications_for_100_seats_and_50_waitlist_places()
    {
        await using var second = new ApiFactory();
        using var secondClient = second.CreateClient();
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 100, waitlist: 50));
        var students = await Factory.StudentsAsync(2_000);

        var responses = await Task.WhenAll(students.Select((student, i) => (i % 2 == 0 ? Client : secondClient).ApplyAsync(cohort.Id, student)));

        var problems = await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(r => r.ProblemAsync(HttpStatusCode.Conflict, "COHORT_FULL")));
        var created = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.JsonAsync<Application>()));
        Assert.Equal(1_850, problems.Length);
        Assert.Equal(100, created.Count(a => a.Status == "Approved"));
        Assert.Equal(50, created.Count(a => a.Status == "Waitlisted"));
        Assert.Equal(50, created.Where(a => a.Status == "Waitlisted").Select(a => a.WaitlistNumber ?? 0).Where(n => n > 0).Distinct().Count());
        Assert.Equal(150, created.Select(a => a.StudentId).Distinct().Count());
        var stats = await Client.StatsAsync(cohort.Id, owner);
        Assert.Equal((100, 50), (stats.SeatsTaken, stats.WaitlistLength));
        Assert.Equal(new Dictionary<string, int> { ["Approved"] = 100, ["Waitlisted"] = 50 }, stats.ByStatus);

        // One email per accepted application, sent by whichever instance's relay claimed it.
        await Api.OutboxDrainedAsync();
        Assert.Equal(created.Select(a => a.Id).Order(), (await Mailbox.AllAsync()).Select(e => Guid.Parse(e.MessageId.Split('.')[1])).Order());
    }

    [Fact]
    public async Task Nobody_is_waitlisted_while_a_seat_another_transaction_is_taking_may_still_be_theirs()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 2, waitlist: 2));
        var student = (await Factory.StudentsAsync(1))[0];

        // Another transaction is taking both seats; the waitlist places are free.
        var (taking, held) = await CohortApi.HoldPlacesAsync(cohort.Id, "Seat");
        await using var connection = taking.Connection!;
        await using var _ = taking;
        Assert.Equal(2, held);

        // The application neither takes a waitlist place nor gives up: it waits for the seats' fate.
        var applying = Client.ApplyAsync(cohort.Id, student);
        await Api.EventuallyAsync(async () => applying.IsCompleted || await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, """
            SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE cohort_slots%'
            """) == 1, "the application to wait for the held seats");
        await taking.RollbackAsync();

        var application = await (await applying).ReadAsync<Application>(HttpStatusCode.Created);
        Assert.Equal(("Approved", (long?)null), (application.Status, application.WaitlistNumber));
        var stats = await Client.StatsAsync(cohort.Id, owner);
        Assert.Equal((1, 0), (stats.SeatsTaken, stats.WaitlistLength));
    }

    [Fact]
    public async Task One_student_applying_ten_times_at_once_with_different_keys_gets_one_place_and_nine_409s()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 5, waitlist: 5));
        var student = (await Factory.StudentsAsync(1))[0];

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Client.ApplyAsync(cohort.Id, student)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(r => r.ProblemAsync(HttpStatusCode.Conflict, "ALREADY_APPLIED")));
        var stats = await Client.StatsAsync(cohort.Id, owner);
        Assert.Equal((1, 0), (stats.SeatsTaken, stats.WaitlistLength));
    }

    [Fact]
    public async Task Cancellations_interleaved_with_applications_promote_in_order_and_notify_each_promotion_once()
    {
        await using var second = new ApiFactory();
        using var secondClient = second.CreateClient();
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 20, waitlist: 30));
        var students = await Factory.StudentsAsync(80);
        var firstWave = await Task.WhenAll(students.Take(50).Select((s, i) => (i % 2 == 0 ? Client : secondClient).ApplyAsync(cohort.Id, s)));
        var applications = await Task.WhenAll(firstWave.Select(r => r.ReadAsync<Application>(HttpStatusCode.Created)));
        var seated = applications.Where(a => a.Status == "Approved").ToList();
        Assert.Equal(20, seated.Count);

        // Ten seated students cancel while thirty newcomers apply, split across both instances.
        var cancels = seated.Take(10).Select((a, i) => (i % 2 == 0 ? secondClient : Client)
            .CancelAsync(cohort.Id, a.Id, students[applications.ToList().IndexOf(a)]));
        var newcomers = students.Skip(50).Select((s, i) => (i % 2 == 0 ? Client : secondClient).ApplyAsync(cohort.Id, s));
        var wave = await Task.WhenAll(cancels.Concat(newcomers));

        Assert.All(wave.Take(10), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var late = wave.Skip(10).ToList();
        Assert.All(late, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var lateWaitlisted = (await Task.WhenAll(late.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.JsonAsync<Application>()))).ToList();
        Assert.All(lateWaitlisted, a => Assert.Equal("Waitlisted", a.Status));

        var stats = await Client.StatsAsync(cohort.Id, owner);
        Assert.Equal(20, stats.SeatsTaken);
        Assert.Equal(stats.ByStatus.GetValueOrDefault("Approved"), stats.SeatsTaken);
        Assert.Equal(stats.ByStatus.GetValueOrDefault("Waitlisted"), stats.WaitlistLength);
        Assert.Equal(30 - 10 + lateWaitlisted.Count, stats.WaitlistLength);

        // The ten promoted are the ten longest waiting, and each got exactly one notification.
        var promoted = await Api.ScalarAsync<long[]>(ApiFactory.PrimaryConnectionString, """
            SELECT array_agg(waitlist_number ORDER BY waitlist_number) FROM cohort_applications
            WHERE cohort_id = @id AND status = 'Approved' AND waitlist_number IS NOT NULL
            """, ("id", cohort.Id));
        Assert.Equal(applications.Where(a => a.Status == "Waitlisted").Select(a => a.WaitlistNumber!.Value).Order().Take(10), promoted!);
        var notices = await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, """
            SELECT count(*) FROM outbox_messages WHERE type LIKE '%CohortApplicationChanged%' AND (payload ->> 'Promoted')::boolean
            """);
        Assert.Equal(10, notices);

        // And each promotion reached its student over SMTP exactly once.
        var promotedIds = await Api.ScalarAsync<Guid[]>(ApiFactory.PrimaryConnectionString, """
            SELECT array_agg(id) FROM cohort_applications WHERE cohort_id = @id AND status = 'Approved' AND waitlist_number IS NOT NULL
            """, ("id", cohort.Id));
        await Api.OutboxDrainedAsync();
        var promotionEmails = (await Mailbox.AllAsync()).Where(e => e.MessageId.Contains(".promoted@", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            promotedIds!.Select(id => $"<cohort-application.{id:N}.promoted@lecturehub.local>").Order(),
            promotionEmails.Select(e => e.MessageId).Order());
    }
}
