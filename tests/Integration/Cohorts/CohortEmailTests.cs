using System.Net;
using LectureHub.Application.Abstractions;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Cohorts;

/// <summary>
/// Every application status change reaches the applicant by email, through the outbox and real SMTP (maildev), in
/// the applicant's language.
/// </summary>
public sealed class CohortEmailTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Approval_waitlist_cancellation_and_promotion_each_send_one_email_in_the_applicants_language()
    {
        // The emails print the class's date, so "today" is pinned a month before it.
        Factory.Clock.At = new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(9));
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 1, waitlist: 1,
            recruitStarts: Factory.Clock.GetUtcNow().AddHours(-1), recruitEnds: Factory.Clock.GetUtcNow().AddDays(7),
            classStarts: new DateTimeOffset(2027, 3, 6, 0, 30, 0, TimeSpan.Zero)));
        var kim = await Client.SignUpAsync("kim@example.com", displayName: "김용접");
        var jane = await Client.SignUpAsync("jane@example.com", displayName: "Jane", language: "en");

        var seated = await (await Client.ApplyAsync(cohort.Id, kim)).ReadAsync<Application>(HttpStatusCode.Created);
        var waiting = await (await Client.ApplyAsync(cohort.Id, jane)).ReadAsync<Application>(HttpStatusCode.Created);
        Assert.Equal(("Approved", "Waitlisted"), (seated.Status, waiting.Status));

        var approved = Assert.Single(await Mailbox.WaitForAsync("kim@example.com"));
        Assert.Equal("[LectureHub] 'TIG 용접 주말 실습반' 참가가 확정되었습니다", approved.Subject);
        Assert.Contains("김용접님, 'TIG 용접 주말 실습반' 신청이 승인되어 자리가 확정되었습니다.", approved.Text);
        Assert.Contains("일시: 2027년 3월 6일 (토) 09:30 KST", approved.Text);
        Assert.Contains("장소: 서울 성동구 성수이로 1", approved.Text);
        Assert.Equal($"<cohort-application.{seated.Id:N}.approved@lecturehub.local>", approved.MessageId);
        Assert.Equal("ko", approved.Header("content-language"));

        var waitlisted = Assert.Single(await Mailbox.WaitForAsync("jane@example.com"));
        Assert.Equal("[LectureHub] You're on the waitlist for 'TIG 용접 주말 실습반'", waitlisted.Subject);
        Assert.Contains("you are on the waitlist, at position 1.", waitlisted.Text);
        Assert.Equal("en", waitlisted.Header("content-language"));

        Assert.Equal(HttpStatusCode.OK, (await Client.CancelAsync(cohort.Id, seated.Id, kim)).StatusCode);

        var cancelled = (await Mailbox.WaitForAsync("kim@example.com", 2))[1];
        Assert.Equal("[LectureHub] 'TIG 용접 주말 실습반' 신청이 취소되었습니다", cancelled.Subject);
        var promoted = (await Mailbox.WaitForAsync("jane@example.com", 2))[1];
        Assert.Equal("[LectureHub] A place opened up in 'TIG 용접 주말 실습반': you're in", promoted.Subject);
        Assert.Contains("your waitlisted application was approved", promoted.Text);
        Assert.Contains("When: Sat, Mar 6, 2027, 09:30 KST", promoted.Text);
        Assert.Equal($"<cohort-application.{waiting.Id:N}.promoted@lecturehub.local>", promoted.MessageId);

        await Api.OutboxDrainedAsync();
        Assert.Equal((2, 2), ((await Mailbox.ToAsync("kim@example.com")).Count, (await Mailbox.ToAsync("jane@example.com")).Count));
    }

    [Fact]
    public async Task Review_cohorts_email_the_application_and_the_rejection_with_its_reason_html_escaped()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(selection: "Review"));
        var student = await Client.SignUpAsync("park@example.com", displayName: "박<배관>");
        var application = await (await Client.ApplyAsync(cohort.Id, student)).ReadAsync<Application>(HttpStatusCode.Created);

        var applied = Assert.Single(await Mailbox.WaitForAsync("park@example.com"));
        Assert.Equal("[LectureHub] 'TIG 용접 주말 실습반' 신청이 접수되었습니다", applied.Subject);
        Assert.Contains("박<배관>님", applied.Text);
        Assert.Contains("박&lt;배관&gt;님", applied.Html);

        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohort.Id}/applications/{application.Id}/reject", owner,
            new { reason = "실습 경력 1년 이상 & 자격증 소지자 대상입니다." })).ReadAsync<Application>();

        var rejected = (await Mailbox.WaitForAsync("park@example.com", 2))[1];
        Assert.Equal("[LectureHub] 'TIG 용접 주말 실습반' 신청 결과 안내", rejected.Subject);
        Assert.Contains("사유: 실습 경력 1년 이상 & 자격증 소지자 대상입니다.", rejected.Text);
        Assert.Contains("사유: 실습 경력 1년 이상 &amp; 자격증 소지자 대상입니다.", rejected.Html);
    }

    [Fact]
    public async Task A_changed_language_applies_to_the_next_email()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner);
        var student = await Client.SignUpAsync("lee@example.com");
        var me = await (await Client.SendAsync(HttpMethod.Patch, "/api/v1/me", student, new { language = "en" })).ReadAsync<Me>();
        Assert.Equal("en", me.Language);
        await (await Client.SendAsync(HttpMethod.Patch, "/api/v1/me", student, new { language = "ja" })).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        await (await Client.ApplyAsync(cohort.Id, student)).ReadAsync<Application>(HttpStatusCode.Created);

        Assert.Equal("[LectureHub] Your place in 'TIG 용접 주말 실습반' is confirmed", Assert.Single(await Mailbox.WaitForAsync("lee@example.com")).Subject);
    }

    [Fact]
    public async Task An_unreachable_smtp_server_fails_the_send_so_the_outbox_retries_it()
    {
        await using var broken = new SmtpDownFactory();
        var email = new EmailMessage("nobody@example.com", "Nobody", "ko", "subject", "text", "<p>html</p>", "test.unreachable");

        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => broken.Service<IEmailSender>().SendAsync(email, CancellationToken.None));
    }

    private sealed class SmtpDownFactory : ApiFactory
    {
        // Port 9 (discard) is closed on loopback here: the connection is refused at once.
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Email:Port"] = "9", ["Outbox:Enabled"] = "false" };
    }
}
