using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LectureHub.IntegrationTests.Auth;
using LectureHub.IntegrationTests.Support;
using Npgsql;

namespace LectureHub.IntegrationTests.Users;

/// <summary>Admin user management (issue #21): search, suspension that takes effect at once, roles, applications to teach, the audit log.</summary>
public sealed class AdminUserTests(ApiFactory factory) : ApiTest(factory)
{
    private sealed record AdminUser(Guid Id, string Email, string DisplayName, string Role, DateTimeOffset? SuspendedAt, string? SuspensionReason);

    private sealed record UserPage(List<AdminUser> Items, string? NextCursor);

    private sealed record AuditEntry(Guid AdminId, string? AdminEmail, string Action, string TargetType, Guid TargetId, JsonElement? Before, JsonElement? After);

    private sealed record AuditPage(List<AuditEntry> Items, string? NextCursor);

    private sealed record TeachingApplication(Guid Id, Guid UserId, string Status, string? RejectionReason);

    [Fact]
    public async Task Admins_search_by_email_prefix_name_role_and_suspension_in_keyset_pages_and_nobody_else_can()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var student = await Client.SignUpAsync("kim.welder@example.com", displayName: "김용접");
        await Client.SignUpAsync("kim.plumber@example.com", displayName: "Kim Plumber");
        await Client.SignUpAsync("lee@example.com", "Instructor", displayName: "이배관");
        await Client.SignUpAsync("odd_name@example.com", displayName: "100% sure");

        Assert.Equal(["kim.plumber@example.com", "kim.welder@example.com"], (await SearchAsync(admin, "?q=KIM.")).Items.Select(u => u.Email).Order());
        Assert.Equal(["lee@example.com"], (await SearchAsync(admin, "?q=배관")).Items.Select(u => u.Email));
        Assert.Equal(["lee@example.com"], (await SearchAsync(admin, "?role=Instructor")).Items.Select(u => u.Email));
        Assert.Equal(["odd_name@example.com"], (await SearchAsync(admin, "?q=%25")).Items.Select(u => u.Email)); // % is literal

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync(admin, "?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page.Items.Select(u => u.Email));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(5, seen.Count);

        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/users", student)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/users?limit=0", admin)).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task A_suspension_ends_the_accounts_sessions_on_every_instance_at_once_and_is_audited()
    {
        await using var other = new ConfiguredApiFactory();
        using var otherClient = other.CreateClient();
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var user = await Client.SignUpAsync("suspect@example.com");
        var userId = (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", user)).ReadAsync<Me>()).Id;
        Assert.Equal(HttpStatusCode.OK, (await otherClient.SendAsync(HttpMethod.Get, "/api/v1/me", user)).StatusCode); // validated and cached there

        var suspended = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/users/{userId}/suspension", admin, new { reason = "chargeback fraud" }))
            .ReadAsync<AdminUser>();
        Assert.Equal("chargeback fraud", suspended.SuspensionReason);
        Assert.NotNull(suspended.SuspendedAt);

        await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken })).ProblemAsync(HttpStatusCode.Unauthorized, "ACCOUNT_SUSPENDED");
        await Api.EventuallyAsync(
            async () => (await otherClient.SendAsync(HttpMethod.Get, "/api/v1/me", user)).StatusCode == HttpStatusCode.Unauthorized,
            "the other instance refuses the suspended account's access token");
        await (await Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "suspect@example.com", password = Api.Password }))
            .ProblemAsync(HttpStatusCode.Forbidden, "ACCOUNT_SUSPENDED");
        await (await Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "suspect@example.com", password = "a-wrong-password" }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS"); // nothing said to someone guessing
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/users/{userId}/suspension", admin, new { reason = "again" }))
            .ProblemAsync(HttpStatusCode.Conflict, "ALREADY_SUSPENDED");
        Assert.Equal(["suspect@example.com"], (await SearchAsync(admin, "?suspended=true")).Items.Select(u => u.Email));

        await (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/admin/users/{userId}/suspension", admin)).ReadAsync<AdminUser>();
        await Client.LoginAsync("suspect@example.com");

        var adminId = (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", admin)).ReadAsync<Me>()).Id;
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/users/{adminId}/suspension", admin, new { reason = "oops" }))
            .ProblemAsync(HttpStatusCode.Conflict, "CANNOT_ACT_ON_SELF");

        var log = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/admin/audit-log?targetId={userId}", admin)).ReadAsync<AuditPage>();
        Assert.Equal(["user.reinstate", "user.suspend"], log.Items.Select(e => e.Action)); // newest first; the refused ones left nothing
        var suspension = log.Items[1];
        Assert.Equal((adminId, "admin@example.com", "user", userId), (suspension.AdminId, suspension.AdminEmail, suspension.TargetType, suspension.TargetId));
        Assert.Equal(JsonValueKind.Null, suspension.Before!.Value.GetProperty("suspendedAt").ValueKind);
        Assert.Equal("chargeback fraud", suspension.After!.Value.GetProperty("suspensionReason").GetString());
    }

    [Fact]
    public async Task The_audit_log_refuses_changes_and_deletions_in_the_database()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var user = await Client.RegisterAsync("target@example.com");
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/admin/users/{user.Id}/role", admin, new { role = "Instructor" })).ReadAsync<AdminUser>();

        foreach (var sql in new[] { "UPDATE audit_entries SET action = 'nothing happened'", "DELETE FROM audit_entries" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, sql + " RETURNING 1"));
            Assert.Contains("append-only", refused.MessageText);
        }

        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM audit_entries WHERE action = 'user.role'"));
    }

    [Fact]
    public async Task Taking_rights_away_signs_the_account_out_and_a_promotion_reaches_its_next_refresh()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var teacher = await Client.SignUpAsync("teacher@example.com", "Instructor");
        var teacherId = (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", teacher)).ReadAsync<Me>()).Id;

        var demoted = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/admin/users/{teacherId}/role", admin, new { role = "Student" })).ReadAsync<AdminUser>();
        Assert.Equal("Student", demoted.Role);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = teacher.RefreshToken })).StatusCode);
        await Api.EventuallyAsync(
            async () => (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", teacher)).StatusCode == HttpStatusCode.Unauthorized,
            "the instructor-role access token is refused");

        var student = await Client.LoginAsync("teacher@example.com");
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/admin/users/{teacherId}/role", admin, new { role = "Instructor" })).ReadAsync<AdminUser>();
        var refreshed = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = student.RefreshToken })).ReadAsync<Tokens>();
        Assert.Equal("Instructor", (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", refreshed)).ReadAsync<Me>()).Role);
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/admin/users/{teacherId}/role", admin, new { role = "Owner" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");
    }

    [Fact]
    public async Task A_student_applies_to_teach_once_at_a_time_and_an_admin_rejects_with_a_reason_then_approves()
    {
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var student = await Client.SignUpAsync("wannabe@example.com", language: "en");
        var instructor = await Client.SignUpAsync("already@example.com", "Instructor");

        var first = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/instructor-application", student, new { motivation = "20 years of welding" }))
            .ReadAsync<TeachingApplication>(HttpStatusCode.Created);
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/instructor-application", student, new { motivation = "again" }))
            .ProblemAsync(HttpStatusCode.Conflict, "INSTRUCTOR_APPLICATION_PENDING");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/instructor-application", instructor, new { motivation = "me too" }))
            .ProblemAsync(HttpStatusCode.Conflict, "ALREADY_INSTRUCTOR");

        var pending = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/instructor-applications", admin)).ReadAsync<List<TeachingApplication>>();
        Assert.Equal([first.Id], pending.Select(a => a.Id));
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/instructor-applications/{first.Id}/decision", admin, new { approve = false }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var rejected = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/instructor-applications/{first.Id}/decision", admin,
            new { approve = false, reason = "Show a <certificate> first" })).ReadAsync<TeachingApplication>();
        Assert.Equal(("Rejected", "Show a <certificate> first"), (rejected.Status, rejected.RejectionReason));
        var rejection = Assert.Single(await Mailbox.WaitForAsync("wannabe@example.com"));
        Assert.Contains("Reason: Show a <certificate> first", rejection.Text);
        Assert.Contains("Show a &lt;certificate&gt; first", rejection.Html);

        var second = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/instructor-application", student, new { motivation = "Certified now" }))
            .ReadAsync<TeachingApplication>(HttpStatusCode.Created);
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/instructor-applications/{second.Id}/decision", admin, new { approve = true }))
            .ReadAsync<TeachingApplication>();
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/instructor-applications/{second.Id}/decision", admin, new { approve = false, reason = "changed my mind" }))
            .ProblemAsync(HttpStatusCode.Conflict, "APPLICATION_ALREADY_DECIDED");

        var refreshed = await (await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = student.RefreshToken })).ReadAsync<Tokens>();
        Assert.Equal("Instructor", (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", refreshed)).ReadAsync<Me>()).Role);
        Assert.Contains((await Mailbox.WaitForAsync("wannabe@example.com", 2)).Select(e => e.Subject), s => s.Contains("You can now teach"));
        var log = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/audit-log?action=instructor-application.approve", admin)).ReadAsync<AuditPage>();
        Assert.Equal("Approved", Assert.Single(log.Items).After!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Racing_applications_to_teach_leave_exactly_one_pending()
    {
        var student = await Client.SignUpAsync("eager@example.com");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Client.SendAsync(HttpMethod.Post, "/api/v1/me/instructor-application", student, new { motivation = $"try {i}" })));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in attempts.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ProblemAsync(HttpStatusCode.Conflict, "INSTRUCTOR_APPLICATION_PENDING");
        }

        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM instructor_applications WHERE status = 'Pending'"));
    }

    private async Task<UserPage> SearchAsync(Tokens admin, string query) =>
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/users" + query, admin)).ReadAsync<UserPage>();
}
