using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Platform;

public sealed record DeadLetter(Guid Id, string Type, int Attempts, string? LastError);

/// <summary>A message that keeps failing is dead-lettered after its last retry, shown to Admins, and retried on request.</summary>
public sealed class DeadLetterTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_message_failing_its_last_attempt_is_dead_lettered_listed_for_admins_and_retried_on_request()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var student = await Client.SignUpAsync("student@example.com");
        var id = Guid.NewGuid();
        // One failure away from the end of its schedule; its type no longer exists, so delivery throws. Due now on the
        // relay's clock (the API's), not the database's.
        await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, """
            INSERT INTO outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts)
            VALUES (@id, 'RetiredEvent', '{}', @now, @now, 4) RETURNING 1
            """, ("id", id), ("now", Factory.Clock.GetUtcNow()));

        await Api.EventuallyAsync(async () => (await DeadLettersAsync(admin)).Any(d => d.Id == id), "the message to be dead-lettered");
        var dead = (await DeadLettersAsync(admin)).Single(d => d.Id == id);
        Assert.Equal(("RetiredEvent", 5), (dead.Type, dead.Attempts));
        Assert.Contains("RetiredEvent", dead.LastError);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/outbox/dead-letters", student)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/outbox/{id}/retry", admin)).StatusCode);

        // Retried at once, failed again, and now waits a minute: the schedule starts over.
        await Api.EventuallyAsync(async () => await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString,
            "SELECT attempts FROM outbox_messages WHERE id = @id", ("id", id)) == 1, "the retry to run");
        Assert.Empty(await DeadLettersAsync(admin));
        Assert.True(await Api.ScalarAsync<bool>(ApiFactory.PrimaryConnectionString,
            "SELECT next_attempt_at > @now + interval '50 seconds' FROM outbox_messages WHERE id = @id", ("id", id), ("now", Factory.Clock.GetUtcNow())));
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/outbox/{id}/retry", admin)).ProblemAsync(HttpStatusCode.NotFound, "DEAD_LETTER_NOT_FOUND");
    }

    private async Task<List<DeadLetter>> DeadLettersAsync(Tokens admin) =>
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/outbox/dead-letters", admin)).ReadAsync<List<DeadLetter>>();
}
