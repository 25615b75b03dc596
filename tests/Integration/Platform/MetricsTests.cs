using System.Net;
using LectureHub.IntegrationTests.Cohorts;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>Each feature's counters move by exactly what the test did, read from /metrics as Prometheus reads them.</summary>
public sealed class MetricsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Metrics_are_served_on_their_own_listener_and_nowhere_else()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/metrics")).StatusCode);
        using var metricsPort = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{Metrics.Port}") });
        Assert.Equal(HttpStatusCode.NotFound, (await metricsPort.GetAsync("/api/v1/categories")).StatusCode);

        var scrape = await Metrics.ScrapeAsync(Factory);

        Assert.Contains("# TYPE lecturehub_outbox_pending gauge", scrape.Text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", scrape.Names);
        Assert.Contains("db_client_connection_count", scrape.Names);
        Assert.Contains("process_cpu_time_seconds_total", scrape.Names);
    }

    [Fact]
    public async Task A_cohort_rush_counts_applications_by_state_and_refusals_by_their_code()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 2, waitlist: 1));
        var students = await Factory.StudentsAsync(4);
        var before = await Metrics.ScrapeAsync(Factory);

        await Task.WhenAll(students.Select(s => Client.ApplyAsync(cohort.Id, s)));
        var after = await Metrics.ScrapeAsync(Factory);

        Assert.Equal(2, after.Since(before, "lecturehub_cohort_applications_total", "status=Approved"));
        Assert.Equal(1, after.Since(before, "lecturehub_cohort_applications_total", "status=Waitlisted"));
        Assert.Equal(3, after.Since(before, "lecturehub_commands_total", "command=ApplyToCohort", "code=OK"));
        Assert.Equal(1, after.Since(before, "lecturehub_commands_total", "command=ApplyToCohort", "code=COHORT_FULL"));
        Assert.Equal(4, after.Since(before, "lecturehub_command_duration_seconds_count", "command=ApplyToCohort"));
    }

    [Fact]
    public async Task Cache_lookups_count_a_miss_and_its_fill_then_hits_and_a_writer_reading_past_the_cache()
    {
        var instructor = await Client.SignUpAsync("instructor@example.com", "Instructor");
        var course = await Client.PublishedCourseAsync(instructor, await Factory.WeldingCategoryAsync());
        await Api.SettledAsync();
        var before = await Metrics.ScrapeAsync(Factory);

        await Client.GetAsync($"/api/v1/courses/{course.Id}");
        await Client.GetAsync($"/api/v1/courses/{course.Id}");
        await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{course.Id}", instructor);
        var after = await Metrics.ScrapeAsync(Factory);

        Assert.Equal(1, after.Since(before, "lecturehub_cache_requests_total", "cache=course", "outcome=miss"));
        Assert.Equal(1, after.Since(before, "lecturehub_cache_fills_total", "cache=course"));
        Assert.Equal(1, after.Since(before, "lecturehub_cache_requests_total", "cache=course", "outcome=hit"));
        Assert.Equal(1, after.Since(before, "lecturehub_cache_requests_total", "cache=course", "outcome=bypass"));
        Assert.Equal(1, after.Since(before, "lecturehub_reads_primary_routings_total", "reason=recent_write"));
    }

    [Fact]
    public async Task The_outbox_gauges_count_what_waits_its_age_and_the_dead_letters_and_deliveries_are_counted_by_outcome()
    {
        var now = Factory.Clock.GetUtcNow();
        Factory.Clock.At = now;
        await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, """
            INSERT INTO outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts)
            VALUES (gen_random_uuid(), 'RetiredEvent', '{}', @old, @later, 1),
                   (gen_random_uuid(), 'RetiredEvent', '{}', @now, @later, 1),
                   (gen_random_uuid(), 'RetiredEvent', '{}', @old, 'infinity', 5)
            RETURNING 1
            """, ("old", now.AddSeconds(-90)), ("now", now), ("later", now.AddHours(1)));
        var before = await Metrics.ScrapeAsync(Factory);

        Assert.Equal(2, before.Value("lecturehub_outbox_pending"));
        Assert.Equal(90, before.Value("lecturehub_outbox_oldest_pending_age_seconds"), 3);
        Assert.Equal(1, before.Value("lecturehub_outbox_dead_letters"));
        Assert.Equal(now.ToUnixTimeSeconds(), before.Value("lecturehub_sampled_at_seconds"));

        Factory.Clock.At = null;
        await Client.SignUpAsync("student@example.com");
        await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString,
            "INSERT INTO outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts) VALUES (gen_random_uuid(), 'RetiredEvent', '{}', @now, @now, 0) RETURNING 1",
            ("now", now));
        var after = before;
        await Api.EventuallyAsync(async () =>
        {
            after = await Metrics.ScrapeAsync(Factory);
            return after.Sum("lecturehub_outbox_deliveries_total") - before.Sum("lecturehub_outbox_deliveries_total") >= 3;
        }, "the sign-up's two events and the retired one attempted");

        Assert.Equal(1, after.Since(before, "lecturehub_outbox_deliveries_total", "event=UserRegistered", "outcome=delivered"));
        Assert.Equal(1, after.Since(before, "lecturehub_outbox_deliveries_total", "event=AccountTokenIssued", "outcome=delivered"));
        Assert.Equal(1, after.Since(before, "lecturehub_outbox_deliveries_total", "event=RetiredEvent", "outcome=failed"));
        Assert.Equal(3, after.Value("lecturehub_outbox_pending"));
    }

    [Fact]
    public async Task The_standby_gauges_say_it_is_reachable_and_how_far_behind_it_is()
    {
        await Client.SignUpAsync("student@example.com");
        await Api.StandbyCaughtUpAsync();

        var scrape = await Metrics.ScrapeAsync(Factory);

        Assert.Equal(1, scrape.Value("lecturehub_postgres_standby_reachable"));
        Assert.InRange(scrape.Value("lecturehub_postgres_replication_lag_seconds"), 0, 60);
        Assert.InRange(scrape.Value("lecturehub_postgres_replication_lag_bytes"), 0, 64 * 1024 * 1024);
        Assert.Equal(0, scrape.Value("lecturehub_transcode_jobs", "state=Stuck"));
        Assert.Equal(0, scrape.Value("lecturehub_watch_buffered_heartbeats"));
    }
}
