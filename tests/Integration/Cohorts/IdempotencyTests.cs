using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Cohorts;

/// <summary>The Idempotency-Key contract on applying: replay, a changed body, a request still in flight, a missing key.</summary>
public sealed class IdempotencyTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_answer_and_applies_once()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner);
        var student = (await Factory.StudentsAsync(1))[0];

        var first = await Client.ApplyAsync(cohort.Id, student, key: "apply-1");
        var retry = await Client.ApplyAsync(cohort.Id, student, key: "apply-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, (await Client.StatsAsync(cohort.Id, owner)).SeatsTaken);

        // A different request under a new key is a new request: here, a second application.
        await (await Client.ApplyAsync(cohort.Id, student, key: "apply-2")).ProblemAsync(HttpStatusCode.Conflict, "ALREADY_APPLIED");
    }

    [Fact]
    public async Task A_problem_answer_is_replayed_too_and_the_same_key_with_another_body_is_422()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner);
        var student = (await Factory.StudentsAsync(1))[0];
        var incomplete = new { answers = Array.Empty<object>(), acceptedTerms = Array.Empty<object>() };

        var first = await (await Client.ApplyAsync(cohort.Id, student, "k", incomplete)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "APPLICATION_ANSWERS_INVALID");
        var replay = await (await Client.ApplyAsync(cohort.Id, student, "k", incomplete)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "APPLICATION_ANSWERS_INVALID");
        await (await Client.ApplyAsync(cohort.Id, student, "k")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED");

        Assert.Equal(first.TraceId, replay.TraceId);
        Assert.Equal(0, (await Client.StatsAsync(cohort.Id, owner)).SeatsTaken);
    }

    [Fact]
    public async Task The_instance_that_answered_and_another_one_replay_and_refuse_alike()
    {
        await using var other = new ApiFactory();
        using var otherClient = other.CreateClient();
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner);
        var student = (await Factory.StudentsAsync(1))[0];
        var first = await (await Client.ApplyAsync(cohort.Id, student, "k")).ReadAsync<Application>(HttpStatusCode.Created);

        // This instance remembers the answer; the other reads it from the database.
        foreach (var client in new[] { Client, otherClient })
        {
            var replay = await client.ApplyAsync(cohort.Id, student, "k");
            Assert.Equal(first.Id, (await replay.ReadAsync<Application>(HttpStatusCode.Created)).Id);
            Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
            await (await client.ApplyAsync(cohort.Id, student, "k", new { answers = Array.Empty<object>(), acceptedTerms = Array.Empty<object>() }))
                .ProblemAsync(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED");
        }
    }

    [Fact]
    public async Task The_same_key_while_the_first_request_is_running_is_409_and_it_is_replayed_once_done()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner);
        var student = (await Factory.StudentsAsync(1))[0];

        // Hold every place of the cohort so the first application waits inside its transaction.
        var (hold, _) = await CohortApi.HoldPlacesAsync(cohort.Id);
        await using var blocker = hold.Connection!;
        await using var _ = hold;

        var first = Client.ApplyAsync(cohort.Id, student, "same");
        await Api.EventuallyAsync(async () => await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT count(*) FROM idempotency_keys WHERE key = 'same' AND completed_at IS NULL") == 1, "the first request to claim its key");

        await (await Client.ApplyAsync(cohort.Id, student, "same")).ProblemAsync(HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_IN_USE");
        await hold.RollbackAsync();

        var applied = await (await first).ReadAsync<Application>(HttpStatusCode.Created);
        // It skipped the held seats, found no other, and waited for them: when the holder rolled back, a seat was its.
        Assert.Equal("Approved", applied.Status);
        var replayed = await (await Client.ApplyAsync(cohort.Id, student, "same")).ReadAsync<Application>(HttpStatusCode.Created);
        Assert.Equal(applied.Id, replayed.Id);
    }

    [Fact]
    public async Task Twenty_concurrent_requests_with_one_key_apply_once_and_the_rest_wait_or_replay()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner);
        var student = (await Factory.StudentsAsync(1))[0];

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Client.ApplyAsync(cohort.Id, student, "double-click")));

        var created = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.JsonAsync<Application>()));
        var waiting = await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created)
            .Select(r => r.ProblemAsync(HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_IN_USE")));
        Assert.Equal(20, created.Length + waiting.Length);
        Assert.Single(created.Select(a => a.Id).Distinct());
        Assert.Equal(1, (await Client.StatsAsync(cohort.Id, owner)).SeatsTaken);
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM cohort_applications WHERE cohort_id = @id", ("id", cohort.Id)));
    }

    [Fact]
    public async Task Keys_past_their_retention_are_swept_and_younger_ones_kept()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner);
        var student = (await Factory.StudentsAsync(1))[0];
        await Client.ApplyAsync(cohort.Id, student, "recent");
        // Retention runs on the API's clock, so the old key is dated on it (not the database's now()).
        var now = Factory.Clock.GetUtcNow();
        await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, """
            INSERT INTO idempotency_keys (user_id, key, request_hash, created_at, locked_until, completed_at, status_code)
            SELECT user_id, 'ancient', request_hash, @old, @now, @old, 201 FROM idempotency_keys WHERE key = 'recent'
            RETURNING 1
            """, ("old", now.AddHours(-25)), ("now", now));

        var swept = await Factory.Service<Infrastructure.Idempotency.IdempotencyKeySweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, swept);
        Assert.Equal("recent", await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT string_agg(key, ',') FROM idempotency_keys"));
    }

    [Fact]
    public async Task Applying_without_a_key_is_a_400_that_names_the_header()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner);
        var student = (await Factory.StudentsAsync(1))[0];

        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohort.Id}/applications", student, CohortApi.Answers()))
            .ProblemAsync(HttpStatusCode.BadRequest, "IDEMPOTENCY_KEY_REQUIRED");
        await (await Client.ApplyAsync(cohort.Id, student, new string('k', 101))).ProblemAsync(HttpStatusCode.BadRequest, "IDEMPOTENCY_KEY_INVALID");
        Assert.Equal(0, (await Client.StatsAsync(cohort.Id, owner)).SeatsTaken);
    }
}
