using LectureHub.Domain.Cohorts;
using LectureHub.Infrastructure.Persistence;
using LectureHub.IntegrationTests.Cohorts;
using LectureHub.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>Persistence settings whose effect is otherwise invisible: change tracking of JSON values, the async-commit pool.</summary>
public sealed class PersistenceTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_replaced_json_value_is_saved_and_an_untouched_one_is_not_rewritten()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var created = await Client.CreateCohortAsync(owner);
        var questions = new[] { new FormQuestion("trade", "직종", QuestionKind.Text, Required: true, []) };

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == created.Id);
            Assert.Equal(0, await db.SaveChangesAsync());

            cohort.ReviseForm(questions, DateTimeOffset.UtcNow);
            Assert.Equal(1, await db.SaveChangesAsync());
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cohorts.AsNoTracking().SingleAsync(c => c.Id == created.Id);
            Assert.Equal(2, saved.Form.Version);
            Assert.Equal("trade", Assert.Single(saved.Form.Questions).Key);
        }
    }

    [Fact]
    public async Task The_async_commit_pool_keeps_synchronous_commit_off_across_pooled_reuse()
    {
        var sources = Factory.Service<DataSources>();
        for (var use = 0; use < 2; use++)
        {
            // The second use gets the same pooled connection back after Npgsql's reset (DISCARD ALL).
            await using var connection = await sources.PrimaryAsyncCommit.OpenConnectionAsync();
            await using var show = new NpgsqlCommand("SHOW synchronous_commit", connection);
            Assert.Equal("off", await show.ExecuteScalarAsync());
        }

        await using var primary = await sources.Primary.OpenConnectionAsync();
        await using var showPrimary = new NpgsqlCommand("SHOW synchronous_commit", primary);
        Assert.Equal("on", await showPrimary.ExecuteScalarAsync());
    }
}
