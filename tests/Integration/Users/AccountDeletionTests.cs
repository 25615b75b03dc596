using System.Net;
using System.Net.Http.Json;
using LectureHub.IntegrationTests.Community;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Users;

/// <summary>Deleting an account (issue #21): personal data gone, what the law keeps kept, nobody signs in to it again.</summary>
public sealed class AccountDeletionTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_deleted_account_cannot_sign_in_its_posts_show_a_deleted_user_and_its_email_is_free_again()
    {
        var board = await Factory.BoardAsync(Client);
        var tokens = await Client.SignUpAsync("leaving@example.com", displayName: "떠나는 용접공");
        var me = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).ReadAsync<Me>();
        var post = await Client.WritePostAsync(tokens, board.Id);
        var calendar = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/calendar-feed", tokens)).ReadAsync<LectureHub.IntegrationTests.Live.CalendarFeedView>();

        var refreshed = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken })).ReadAsync<Tokens>();
        await (await Client.SendAsync(HttpMethod.Delete, "/api/v1/me", refreshed)).ProblemAsync(HttpStatusCode.Unauthorized, "STEP_UP_REQUIRED");

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, "/api/v1/me", tokens)).StatusCode);

        await (await Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "leaving@example.com", password = Api.Password }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        await Api.SettledAsync(); // the calendar address is read anonymously, on the standby
        await (await Client.GetAsync(new Uri(calendar.Url).PathAndQuery)).ProblemAsync(HttpStatusCode.NotFound, "CALENDAR_FEED_NOT_FOUND");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refreshed.RefreshToken })).StatusCode);
        await Api.EventuallyAsync(
            async () => (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", tokens)).StatusCode == HttpStatusCode.Unauthorized,
            "the deleted account's access token is refused");

        var row = await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString,
            "SELECT email || '|' || display_name || '|' || password_hash || '|' || (deleted_at IS NOT NULL) FROM users WHERE id = @id", ("id", me.Id));
        Assert.Equal($"deleted-{me.Id:N}@deleted.invalid|탈퇴한 사용자||true", row);
        await Api.EventuallyAsync(
            async () => (await Client.ReadPostAsync(post.Id)).Author?.DisplayName == "탈퇴한 사용자", "the post shows a deleted user");

        await (await Client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"deleted-{me.Id:N}@deleted.invalid", password = Api.Password }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS"); // not by its new address either
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = $"deleted-{me.Id:N}@deleted.invalid" })).StatusCode);
        await Api.OutboxDrainedAsync();
        Assert.Empty(await Mailbox.ToAsync($"deleted-{me.Id:N}@deleted.invalid"));

        await Client.RegisterAsync("leaving@example.com"); // the address is free for a new account
    }

    [Fact]
    public async Task Instructors_with_published_courses_and_admins_cannot_delete_their_accounts()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        await (await Client.SendAsync(HttpMethod.Delete, "/api/v1/me", admin)).ProblemAsync(HttpStatusCode.Conflict, "ADMIN_CANNOT_DELETE");

        var instructor = await Client.SignUpAsync("teacher@example.com", "Instructor");
        await Client.PublishedCourseAsync(instructor, await Factory.WeldingCategoryAsync());
        await (await Client.SendAsync(HttpMethod.Delete, "/api/v1/me", instructor)).ProblemAsync(HttpStatusCode.Conflict, "HAS_PUBLISHED_COURSES");
    }
}
