using System.Net;
using System.Net.Http.Json;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Auth;

/// <summary>The hashing bulkhead over HTTP: a sign-up storm past its capacity is refused at once, cleanly, and creates nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class SignInLoadTests(ApiFactory shared)
{
    [Fact]
    public async Task Sign_ups_past_the_hashing_capacity_get_503_busy_with_retry_after_and_leave_no_account()
    {
        await shared.ResetAsync();
        // One slot, no queue, and a hash slow enough (64 MiB, 8 passes: about a third of a second) that eight overlap.
        await using var api = new ConfiguredApiFactory(
            ("PasswordHashing:Concurrency", "1"), ("PasswordHashing:QueueLimit", "0"), ("PasswordHashing:MemoryKiB", "65536"), ("PasswordHashing:Passes", "8"));
        using var client = api.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Factory.StartNew(() => client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"storm{i}@example.com", password = Api.Password, displayName = "폭주", terms = Api.Terms }),
                TaskCreationOptions.LongRunning).Unwrap()));

        var busy = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(busy);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));
        foreach (var refused in busy)
        {
            await refused.ProblemAsync(HttpStatusCode.ServiceUnavailable, "BUSY");
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        }

        var created = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(created, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM users WHERE normalized_email LIKE 'storm%'"));
        var metrics = await Metrics.ScrapeAsync(api);
        Assert.Equal(busy.Count, metrics.Value("lecturehub_hashing_refusals_total"));
        Assert.Equal((0, 0), (metrics.Value("lecturehub_hashing_in_flight"), metrics.Value("lecturehub_hashing_queued")));
    }
}
