using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Community;

public sealed record Report(Guid Id, string TargetKind, Guid TargetId, Guid PostId, string TargetExcerpt, bool TargetHidden, string Reason, string Status, int OpenReportsOnTarget);

public sealed record ReportPage(List<Report> Items, string? NextCursor);

public sealed record Resolution(int Closed);

public sealed class ReportTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Reports_queue_for_admins_and_hiding_closes_every_report_on_the_target()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var reporters = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Client.SignUpAsync($"r{i}@example.com")));
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var spam = await Client.WritePostAsync(author, board.Id, "싸게 팝니다 010-0000-0000");
        var comment = await Client.CommentAsync(author, spam.Id, "연락 주세요");

        await Api.SettledAsync();
        var first = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/posts/{spam.Id}/reports", reporters[0], new { reason = "Spam" })).ReadAsync<ReportReceipt>(HttpStatusCode.Created);
        var again = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/posts/{spam.Id}/reports", reporters[0], new { reason = "Abuse" })).ReadAsync<ReportReceipt>();
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/posts/{spam.Id}/reports", reporters[1], new { reason = "Spam" })).ReadAsync<ReportReceipt>(HttpStatusCode.Created);
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/comments/{comment.Id}/reports", reporters[2], new { reason = "Other", detail = "광고" }))
            .ReadAsync<ReportReceipt>(HttpStatusCode.Created);
        Assert.Equal((first.Id, false), (again.Id, again.Created));
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/comments/{comment.Id}/reports", reporters[1], new { reason = "Other" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/reports", reporters[0])).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        await Api.SettledAsync();
        var queue = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/reports", admin)).ReadAsync<ReportPage>();
        Assert.Equal([("Post", 2), ("Post", 2), ("Comment", 1)], queue.Items.Select(r => (r.TargetKind, r.OpenReportsOnTarget)));
        Assert.Equal(spam.Title, queue.Items[0].TargetExcerpt);
        Assert.Equal(spam.Id, queue.Items[2].PostId);

        var hidden = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/reports/{first.Id}/resolution", admin, new { outcome = "Hide" })).ReadAsync<Resolution>();
        var dismissed = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/reports/{queue.Items[2].Id}/resolution", admin, new { outcome = "Dismiss" }))
            .ReadAsync<Resolution>();
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/admin/reports/{first.Id}/resolution", admin, new { outcome = "Dismiss" }))
            .ProblemAsync(HttpStatusCode.Conflict, "REPORT_RESOLVED");

        Assert.Equal((2, 1), (hidden.Closed, dismissed.Closed));
        Assert.Empty((await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/reports", admin)).ReadAsync<ReportPage>()).Items);
        var closed = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/reports?status=Hidden", admin)).ReadAsync<ReportPage>();
        Assert.All(closed.Items, r => Assert.True(r.TargetHidden));
        Assert.Equal(2, closed.Items.Count);
        await Api.SettledAsync();
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts/{spam.Id}", reporters[0])).ProblemAsync(HttpStatusCode.NotFound, "POST_NOT_FOUND");
    }
}
