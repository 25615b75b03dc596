using System.Net;
using LectureHub.Application.Live.Commands;
using LectureHub.IntegrationTests.Cohorts;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;
using LectureHub.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Live;

public sealed record LiveSessionView(
    Guid Id, string Title, Guid? CourseId, Guid? CohortId, Guid HostId, List<Guid> AssistantIds, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string MyRole);

public sealed record CalendarFeedView(string Url);

/// <summary>Live sessions (issue #23): who schedules them, who may see and join them in which role, and their states.</summary>
public sealed class LiveSessionTests(ApiFactory factory) : ApiTest(factory)
{
    private static object NewSession(Guid? courseId = null, Guid? cohortId = null, int startsInMinutes = 20, int lastsMinutes = 90, params Guid[] assistantIds)
    {
        var startsAt = DateTimeOffset.UtcNow.AddMinutes(startsInMinutes);
        return new { courseId, cohortId, title = "TIG 용접 실시간 Q&A", startsAt, endsAt = startsAt.AddMinutes(lastsMinutes), assistantIds };
    }

    private async Task<LiveSessionView> ScheduleAsync(Tokens host, object body) =>
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/live-sessions", host, body)).ReadAsync<LiveSessionView>(HttpStatusCode.Created);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, Guid id, string action, Tokens user) =>
        Client.SendAsync(method, $"/api/v1/live-sessions/{id}{action}", user);

    [Fact]
    public async Task A_course_session_is_run_by_its_instructor_with_an_assistant_and_joined_by_its_enrolled_students()
    {
        var instructor = await Client.SignUpAsync("teacher@example.com", "Instructor");
        var course = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), 1);
        var ta = await Client.RegisterSignedInAsync("ta@example.com");
        var enrolled = await Client.SignUpAsync("enrolled@example.com");
        var outsider = await Client.SignUpAsync("outsider@example.com");
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", enrolled)).StatusCode);

        var other = await Client.SignUpAsync("other@example.com", "Instructor");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/live-sessions", other, NewSession(course.Id))).ProblemAsync(HttpStatusCode.Forbidden, "NOT_COURSE_OWNER");
        var session = await ScheduleAsync(instructor, NewSession(course.Id, assistantIds: [ta.User.Id]));
        Assert.Equal(("Scheduled", "Host", course.Id, (Guid?)null), (session.Status, session.MyRole, session.CourseId, session.CohortId));
        Assert.Equal([ta.User.Id], session.AssistantIds);

        // Each caller's role; an outsider is refused.
        foreach (var (who, role) in new[] { (ta.Tokens, "Assistant"), (enrolled, "Student"), (admin, "Assistant"), (instructor, "Host") })
        {
            Assert.Equal(role, (await (await SendAsync(HttpMethod.Get, session.Id, "", who)).ReadAsync<LiveSessionView>()).MyRole);
        }

        await (await SendAsync(HttpMethod.Get, session.Id, "", outsider)).ProblemAsync(HttpStatusCode.Forbidden, "LIVE_SESSION_NOT_INVITED");
        await (await SendAsync(HttpMethod.Post, session.Id, "/join", outsider)).ProblemAsync(HttpStatusCode.Forbidden, "LIVE_SESSION_NOT_INVITED");
        await (await SendAsync(HttpMethod.Get, Guid.NewGuid(), "", enrolled)).ProblemAsync(HttpStatusCode.NotFound, "LIVE_SESSION_NOT_FOUND");

        // Before the host opens it, staff may enter and students wait; only the host (or an Admin) opens it.
        Assert.Equal("Assistant", (await (await SendAsync(HttpMethod.Post, session.Id, "/join", ta.Tokens)).ReadAsync<LiveSessionView>()).MyRole);
        await (await SendAsync(HttpMethod.Post, session.Id, "/join", enrolled)).ProblemAsync(HttpStatusCode.Conflict, "LIVE_SESSION_NOT_LIVE");
        await (await SendAsync(HttpMethod.Post, session.Id, "/start", ta.Tokens)).ProblemAsync(HttpStatusCode.Forbidden, "NOT_LIVE_SESSION_HOST");
        var live = await (await SendAsync(HttpMethod.Post, session.Id, "/start", instructor)).ReadAsync<LiveSessionView>();
        Assert.Equal("Live", live.Status);
        Assert.NotNull(live.StartedAt);
        Assert.Equal("Student", (await (await SendAsync(HttpMethod.Post, session.Id, "/join", enrolled)).ReadAsync<LiveSessionView>()).MyRole);
        await (await SendAsync(HttpMethod.Post, session.Id, "/start", instructor)).ProblemAsync(HttpStatusCode.Conflict, "LIVE_SESSION_NOT_SCHEDULED");
        await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/live-sessions/{session.Id}", instructor, NewSession(course.Id)))
            .ProblemAsync(HttpStatusCode.Conflict, "LIVE_SESSION_NOT_SCHEDULED");

        Assert.Equal("Ended", (await (await SendAsync(HttpMethod.Post, session.Id, "/end", instructor)).ReadAsync<LiveSessionView>()).Status);
        await (await SendAsync(HttpMethod.Post, session.Id, "/join", enrolled)).ProblemAsync(HttpStatusCode.Conflict, "LIVE_SESSION_ENDED");
        await (await SendAsync(HttpMethod.Post, session.Id, "/end", instructor)).ProblemAsync(HttpStatusCode.Conflict, "LIVE_SESSION_NOT_LIVE");

        // A session two hours away cannot open yet; changed, it keeps its host and takes the new assistants.
        var later = await ScheduleAsync(instructor, NewSession(course.Id, startsInMinutes: 120));
        await (await SendAsync(HttpMethod.Post, later.Id, "/start", instructor)).ProblemAsync(HttpStatusCode.Conflict, "LIVE_SESSION_OUTSIDE_ITS_TIME");
        var revised = await (await Client.SendAsync(HttpMethod.Put, $"/api/v1/live-sessions/{later.Id}", admin, NewSession(startsInMinutes: 150, assistantIds: [ta.User.Id])))
            .ReadAsync<LiveSessionView>();
        Assert.Equal((later.HostId, "Assistant"), (revised.HostId, revised.MyRole));
        Assert.Equal([ta.User.Id], revised.AssistantIds);
        Assert.True(revised.StartsAt > later.StartsAt);
    }

    [Fact]
    public async Task A_cohort_session_admits_its_approved_members_only()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 1, waitlist: 2, online: true));
        var (member, waiting) = (await Client.SignUpAsync("member@example.com"), await Client.SignUpAsync("waiting@example.com"));
        Assert.Equal(HttpStatusCode.Created, (await Client.ApplyAsync(cohort.Id, member)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.ApplyAsync(cohort.Id, waiting)).StatusCode); // waitlisted: the one seat is taken

        var session = await ScheduleAsync(owner, NewSession(cohortId: cohort.Id));
        Assert.Equal(("Host", (Guid?)cohort.Id, cohort.OwnerId), (session.MyRole, session.CohortId, session.HostId));
        Assert.Equal("Student", (await (await SendAsync(HttpMethod.Get, session.Id, "", member)).ReadAsync<LiveSessionView>()).MyRole);
        await (await SendAsync(HttpMethod.Get, session.Id, "", waiting)).ProblemAsync(HttpStatusCode.Forbidden, "LIVE_SESSION_NOT_INVITED");
    }

    [Fact]
    public async Task Bad_sessions_are_refused_with_their_codes()
    {
        var instructor = await Client.RegisterSignedInAsync("teacher@example.com", "Instructor");
        var course = await Client.FreeCourseAsync(instructor.Tokens, await Factory.WeldingCategoryAsync(), 1);
        var student = await Client.SignUpAsync("student@example.com");
        var cases = new (object Body, HttpStatusCode Status, string Code)[]
        {
            (NewSession(), HttpStatusCode.BadRequest, "VALIDATION_FAILED"),
            (NewSession(course.Id, Guid.NewGuid()), HttpStatusCode.BadRequest, "VALIDATION_FAILED"),
            (NewSession(course.Id, assistantIds: Enumerable.Range(0, 11).Select(_ => Guid.NewGuid()).ToArray()), HttpStatusCode.BadRequest, "VALIDATION_FAILED"),
            (NewSession(course.Id, startsInMinutes: -5), HttpStatusCode.UnprocessableEntity, "LIVE_SESSION_IN_THE_PAST"),
            (NewSession(course.Id, lastsMinutes: 9 * 60), HttpStatusCode.UnprocessableEntity, "LIVE_SESSION_LENGTH"),
            (NewSession(course.Id, assistantIds: [Guid.NewGuid()]), HttpStatusCode.UnprocessableEntity, "LIVE_SESSION_UNKNOWN_ASSISTANT"),
            (NewSession(course.Id, assistantIds: [instructor.User.Id]), HttpStatusCode.UnprocessableEntity, "LIVE_SESSION_HOST_AS_ASSISTANT"),
            (NewSession(Guid.NewGuid()), HttpStatusCode.NotFound, "COURSE_NOT_FOUND"),
        };
        foreach (var (body, status, code) in cases)
        {
            await (await Client.SendAsync(HttpMethod.Post, "/api/v1/live-sessions", instructor.Tokens, body)).ProblemAsync(status, code);
        }

        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/live-sessions", student, NewSession(course.Id))).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(0, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM live_sessions"));
    }

    [Fact]
    public async Task Participants_are_emailed_once_before_the_start_and_again_when_it_moves()
    {
        var instructor = await Client.SignUpAsync("teacher@example.com", "Instructor");
        var course = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), 1);
        var ta = await Client.RegisterSignedInAsync("ta@example.com", language: "en");
        var enrolled = await Client.SignUpAsync("enrolled@example.com");
        await Client.SignUpAsync("outsider@example.com"); // not enrolled: not reminded
        Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", enrolled)).StatusCode);
        var soon = await ScheduleAsync(instructor, NewSession(course.Id, startsInMinutes: 50, assistantIds: [ta.User.Id]));
        await ScheduleAsync(instructor, NewSession(course.Id, startsInMinutes: 180)); // outside the hour: not yet

        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync());
        await Api.SettledAsync();
        string[] participants = ["teacher@example.com", "ta@example.com", "enrolled@example.com"];
        foreach (var address in participants)
        {
            var email = Assert.Single(await Mailbox.WaitForAsync(address));
            Assert.Contains("TIG 용접 실시간 Q&A", email.Subject, StringComparison.Ordinal);
        }

        Assert.StartsWith("[LectureHub] Starting soon", (await Mailbox.ToAsync("ta@example.com")).Single().Subject, StringComparison.Ordinal);
        Assert.Empty(await Mailbox.ToAsync("outsider@example.com"));

        // Moved by ten minutes: reminded again, under a new notification key.
        var moved = soon.StartsAt.AddMinutes(10);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Put, $"/api/v1/live-sessions/{soon.Id}", instructor,
            new { title = soon.Title, startsAt = moved, endsAt = moved.AddMinutes(90), assistantIds = new[] { ta.User.Id } })).StatusCode);
        Assert.Equal(1, await RemindAsync());
        await Api.SettledAsync();
        foreach (var address in participants)
        {
            var emails = await Mailbox.WaitForAsync(address, 2);
            Assert.Equal(2, emails.Select(e => e.MessageId).Distinct().Count());
        }
    }

    [Fact]
    public async Task Sessions_come_as_icalendar_one_by_one_and_in_a_secret_feed_per_user_that_can_be_replaced()
    {
        var instructor = await Client.SignUpAsync("teacher@example.com", "Instructor");
        var course = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), 1);
        var other = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), 1);
        var student = await Client.SignUpAsync("student@example.com");
        var outsider = await Client.SignUpAsync("outsider@example.com");
        Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", student)).StatusCode);
        var first = await ScheduleAsync(instructor, NewSession(course.Id));
        var second = await ScheduleAsync(instructor, NewSession(course.Id, startsInMinutes: 24 * 60));
        var elsewhere = await ScheduleAsync(instructor, NewSession(other.Id)); // a course the student is not in

        var one = await SendAsync(HttpMethod.Get, first.Id, "/calendar.ics", student);
        Assert.Equal("text/calendar", one.Content.Headers.ContentType?.MediaType);
        var ics = await one.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:live-session-{first.Id:N}@lecturehub\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{first.StartsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:TIG 용접 실시간 Q&A\r\n", ics, StringComparison.Ordinal);
        await (await SendAsync(HttpMethod.Get, first.Id, "/calendar.ics", outsider)).ProblemAsync(HttpStatusCode.Forbidden, "LIVE_SESSION_NOT_INVITED");

        var feed = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/calendar-feed", student)).ReadAsync<CalendarFeedView>();
        var path = new Uri(feed.Url).PathAndQuery;
        await Api.SettledAsync(); // anonymous reads go to the standby: let it replay each new address
        var subscribed = await Client.GetStringAsync(path); // no sign-in: the address is the credential
        Assert.Equal(2, subscribed.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains($"live-session-{first.Id:N}", subscribed, StringComparison.Ordinal);
        Assert.Contains($"live-session-{second.Id:N}", subscribed, StringComparison.Ordinal);
        Assert.DoesNotContain($"live-session-{elsewhere.Id:N}", subscribed, StringComparison.Ordinal);
        var hostFeed = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/calendar-feed", instructor)).ReadAsync<CalendarFeedView>();
        await Api.SettledAsync();
        Assert.Equal(3, (await Client.GetStringAsync(new Uri(hostFeed.Url).PathAndQuery)).Split("BEGIN:VEVENT").Length - 1);

        var replaced = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/me/calendar-feed", student)).ReadAsync<CalendarFeedView>();
        Assert.NotEqual(feed.Url, replaced.Url);
        await Api.SettledAsync();
        await (await Client.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound, "CALENDAR_FEED_NOT_FOUND");
        Assert.Contains($"live-session-{first.Id:N}", await Client.GetStringAsync(new Uri(replaced.Url).PathAndQuery), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_starts_of_one_session_at_once_cannot_both_win()
    {
        var instructor = await Client.SignUpAsync("teacher@example.com", "Instructor");
        var course = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), 1);
        var session = await ScheduleAsync(instructor, NewSession(course.Id));

        // Both load it scheduled; the row's version lets the first save through and refuses the second.
        await using var first = Factory.Services.CreateAsyncScope();
        await using var second = Factory.Services.CreateAsyncScope();
        var (a, b) = (first.ServiceProvider.GetRequiredService<AppDbContext>(), second.ServiceProvider.GetRequiredService<AppDbContext>());
        var (mine, theirs) = (await a.LiveSessions.SingleAsync(s => s.Id == session.Id), await b.LiveSessions.SingleAsync(s => s.Id == session.Id));
        mine.Start(DateTimeOffset.UtcNow);
        theirs.Start(DateTimeOffset.UtcNow.AddSeconds(1));
        await a.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
        Assert.Equal(mine.StartedAt!.Value.ToUnixTimeMilliseconds(), await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString,
            "SELECT floor(extract(epoch FROM started_at) * 1000)::bigint FROM live_sessions WHERE id = @id", ("id", session.Id)));
    }

    private async Task<int> RemindAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RemindLiveSessionsCommand(TimeSpan.FromHours(1), 100));
    }
}
