using LectureHub.Application.Abstractions;
using LectureHub.Application.Cohorts.Events;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace LectureHub.UnitTests.Application;

public sealed class ApplicationEmailTests
{
    private static readonly Guid ApplicationId = Guid.Parse("0b5e4f6a-8c1d-4e2f-9a3b-7c6d5e4f3a2b");

    private static ApplicantNoticeFacts Facts(string language = Languages.Korean, string name = "김용접") => new(
        "kim@example.com", name, language, "TIG 용접 주말 실습반", new DateTimeOffset(2027, 3, 6, 0, 30, 0, TimeSpan.Zero), "서울 성동구", IsOnline: false,
        WaitlistPosition: 7, Reason: "경력 미달");

    public static TheoryData<string, ApplicationNotice> EveryTemplate()
    {
        var data = new TheoryData<string, ApplicationNotice>();
        foreach (var language in Languages.Supported)
        {
            foreach (var notice in Enum.GetValues<ApplicationNotice>())
            {
                data.Add(language, notice);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTemplate))]
    public void Every_notice_has_a_template_in_every_language_with_every_placeholder_filled(string language, ApplicationNotice notice)
    {
        Assert.Contains((language, notice), ApplicationEmails.Keys);

        var email = ApplicationEmails.Compose(ApplicationId, notice, Facts(language));

        Assert.Equal(language, email.Language);
        Assert.DoesNotContain("{", email.Subject + email.TextBody, StringComparison.Ordinal);
        Assert.Contains("TIG 용접 주말 실습반", email.Subject, StringComparison.Ordinal);
        Assert.Equal($"cohort-application.{ApplicationId:N}.{notice.ToString().ToLowerInvariant()}", email.NotificationKey);
    }

    [Theory]
    [InlineData(ApplicationStatus.Approved, false, false, ApplicationNotice.Approved)]
    [InlineData(ApplicationStatus.Approved, true, false, ApplicationNotice.Promoted)]
    [InlineData(ApplicationStatus.Waitlisted, false, false, ApplicationNotice.Waitlisted)]
    [InlineData(ApplicationStatus.Applied, false, false, ApplicationNotice.Applied)]
    [InlineData(ApplicationStatus.Rejected, false, false, ApplicationNotice.Rejected)]
    [InlineData(ApplicationStatus.Cancelled, false, false, ApplicationNotice.Cancelled)]
    [InlineData(ApplicationStatus.Cancelled, false, true, ApplicationNotice.CohortCancelled)]
    public void A_status_change_maps_to_its_notice(ApplicationStatus status, bool promoted, bool cohortCancelled, ApplicationNotice expected) =>
        Assert.Equal(expected, ApplicationEmails.NoticeFor(new CohortApplicationChanged(ApplicationId, Guid.NewGuid(), Guid.NewGuid(), status, promoted, cohortCancelled)));

    [Fact]
    public void A_cancelled_cohort_tells_the_applicant_why()
    {
        var email = ApplicationEmails.Compose(ApplicationId, ApplicationNotice.CohortCancelled, Facts() with { Reason = "강사 부상" });

        Assert.Contains("사유: 강사 부상", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("2027년 3월 6일", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_are_filled_in_one_pass_and_html_escaped()
    {
        var email = ApplicationEmails.Compose(ApplicationId, ApplicationNotice.Waitlisted, Facts(name: "{cohort} <b>"));

        Assert.StartsWith("{cohort} <b>님, 'TIG 용접 주말 실습반' 정원이 모두 차서 대기자로 등록되었습니다. 현재 대기 순번은 7번입니다.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>{cohort} &lt;b&gt;님", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_times_are_shown_in_korea_standard_time()
    {
        Assert.Contains("일시: 2027년 3월 6일 (토) 09:30 KST", ApplicationEmails.Compose(ApplicationId, ApplicationNotice.Approved, Facts()).TextBody, StringComparison.Ordinal);
        Assert.Contains("When: Sat, Mar 6, 2027, 09:30 KST", ApplicationEmails.Compose(ApplicationId, ApplicationNotice.Approved, Facts(Languages.English)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_handler_sends_the_composed_email_and_skips_an_application_that_is_gone()
    {
        var db = Substitute.For<IReadDb>();
        db.Primary.Returns(db);
        var sender = Substitute.For<IEmailSender>();
        var handler = new NotifyApplicant(db, sender, NullLogger<NotifyApplicant>.Instance);
        db.QuerySingleOrDefaultAsync<ApplicantNoticeFacts>(default!, default, default).ReturnsForAnyArgs(Facts(), (ApplicantNoticeFacts?)null);

        await handler.HandleAsync(new CohortApplicationChanged(ApplicationId, Guid.NewGuid(), Guid.NewGuid(), ApplicationStatus.Approved, Promoted: true), default);
        await handler.HandleAsync(new CohortApplicationChanged(ApplicationId, Guid.NewGuid(), Guid.NewGuid(), ApplicationStatus.Cancelled, Promoted: false), default);

        await sender.Received(1).SendAsync(Arg.Is<EmailMessage>(m => m.NotificationKey.EndsWith(".promoted", StringComparison.Ordinal) && m.ToAddress == "kim@example.com"), Arg.Any<CancellationToken>());
        await sender.Received(1).SendAsync(Arg.Any<EmailMessage>(), Arg.Any<CancellationToken>());
    }
}
