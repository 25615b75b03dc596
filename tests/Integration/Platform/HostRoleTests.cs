using System.Net;
using LectureHub.Infrastructure.Media;
using LectureHub.Infrastructure.Outbox;
using LectureHub.IntegrationTests.Auth;
using LectureHub.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>One binary, three roles (issue #20): api serves HTTP only, worker runs the background work only.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostRoleTests(ApiFactory shared)
{
    [Fact]
    public async Task An_api_instance_serves_requests_and_runs_no_background_worker()
    {
        await shared.ResetAsync();
        await using var api = new ConfiguredApiFactory(("Role", "api"), ("Outbox:Enabled", "true"), ("Transcoding:Enabled", "true"));
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/categories")).StatusCode);
        var workers = api.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
        Assert.DoesNotContain(nameof(OutboxRelay), workers);
        Assert.DoesNotContain(nameof(TranscodeWorker), workers);
        Assert.Contains("RedisSessionRevocations", workers); // each instance's copy of the revoked sessions
    }

    [Fact]
    public async Task A_worker_runs_the_background_work_and_answers_only_its_probes()
    {
        await shared.ResetAsync();
        await using var worker = new ConfiguredApiFactory(("Role", "worker"), ("Outbox:Enabled", "true"), ("Transcoding:Enabled", "true"));
        using var client = worker.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        foreach (var path in new[] { "/api/v1/categories", "/scalar", "/openapi/v1.json" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }

        var workers = worker.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
        Assert.Contains(nameof(OutboxRelay), workers);
        Assert.Contains(nameof(TranscodeWorker), workers);
    }

    [Fact]
    public async Task An_unknown_role_stops_the_start_with_the_setting_named()
    {
        await using var wrong = new ConfiguredApiFactory(("Role", "web"));

        var error = Assert.ThrowsAny<Exception>(() => wrong.CreateClient());
        Assert.Contains("Role 'web' is not one of all, api, worker", error.ToString(), StringComparison.Ordinal);
    }
}
