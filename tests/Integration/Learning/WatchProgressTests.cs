using System.Net;
using LectureHub.Infrastructure.Learning;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Media;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Learning;

public sealed record LectureProgress(Guid LectureId, string Title, double DurationSeconds, double CoveredSeconds, double Percent, bool Completed, double? ResumeAtSeconds);

public sealed record ResumePoint(Guid LectureId, double PositionSeconds, DateTimeOffset At);

public sealed record CourseProgress(
    Guid CourseId, string CourseTitle, double Percent, double CoveredSeconds, double DurationSeconds, int CompletedLectures, int Lectures,
    bool Completed, string? CertificateCode, ResumePoint? Resume, List<LectureProgress> Curriculum);

public sealed record CertificateView(string Code, Guid CourseId, string CourseTitle, string StudentName, string InstructorName, DateTimeOffset CompletedAt, DateTimeOffset IssuedAt);

/// <summary>
/// Progress over HTTP, in real time, on a real 4 s video: heartbeats a player would send, the flush, the progress
/// screen, resume on another device, and the certificate at the end. The clock rules themselves are pinned to the
/// millisecond in <see cref="WatchSessionTests"/>.
/// </summary>
public sealed class WatchProgressTests(ApiFactory factory) : ApiTest(factory), IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("lh-progress-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Watching_every_lecture_through_completes_the_course_issues_a_certificate_and_resumes_on_another_device()
    {
        var (course, lecture, student) = await EnrolledInOneLectureCourseAsync(lectures: 1);
        var playback = await PlaybackAsync(lecture, student);
        Assert.NotNull(playback.WatchSessionId);

        // At 2× a player covers 2 s of media per wall-clock second; it reports what it played each time.
        await Task.Delay(1100);
        await HeartbeatAsync(lecture, student, playback.WatchSessionId!, seq: 0, from: 0, to: 2, rate: 2, position: 2);
        await Task.Delay(1100);
        await HeartbeatAsync(lecture, student, playback.WatchSessionId, seq: 1, from: 2, to: 4, rate: 2, position: 3.5);
        await FlushAsync();

        var progress = await ProgressAsync(course, student);
        Assert.Equal(100, progress.Percent);
        Assert.True(progress.Completed);
        Assert.Equal((1, 1), (progress.CompletedLectures, progress.Lectures));
        var only = Assert.Single(progress.Curriculum);
        Assert.True(only.Completed);
        Assert.Equal(only.DurationSeconds, only.CoveredSeconds);
        Assert.Equal(new { Lecture = lecture, Position = 3.5 }, new { Lecture = progress.Resume!.LectureId, Position = progress.Resume.PositionSeconds });

        // The certificate: on the progress screen, verifiable by anyone (case and dashes aside), and emailed.
        var code = Assert.IsType<string>(progress.CertificateCode);
        Assert.Matches("^LH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        var verified = await (await Client.GetAsync($"/api/v1/certificates/{code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}")).ReadAsync<CertificateView>();
        Assert.Equal((code, course, "수강생"), (verified.Code, verified.CourseId, verified.StudentName));
        var mine = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/certificates", student)).ReadAsync<List<CertificateView>>();
        Assert.Equal(code, Assert.Single(mine).Code);
        var email = Assert.Single(await Mailbox.WaitForAsync("student@lecturehub.test"));
        Assert.Contains(code, email.Text, StringComparison.Ordinal);

        // Another device (the progress screen above told it where to resume) plays on; from its first heartbeat the
        // first device's session no longer counts. Watching again changes nothing: still one certificate.
        var laptop = await PlaybackAsync(lecture, student);
        await Task.Delay(600);
        await HeartbeatAsync(lecture, student, laptop.WatchSessionId!, seq: 0, from: 3.5, to: 4, rate: 1, position: 4);
        await (await SendHeartbeatAsync(lecture, student, playback.WatchSessionId, seq: 2, from: 3.5, to: 4, rate: 1, position: 4))
            .ProblemAsync(HttpStatusCode.Conflict, "WATCH_SESSION_SUPERSEDED");
        await FlushAsync();
        Assert.Equal(4, (await ProgressAsync(course, student)).Resume!.PositionSeconds);
        Assert.Equal(1L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM certificates"));
    }

    [Fact]
    public async Task Dragging_to_the_end_does_not_complete_a_lecture_and_claiming_the_whole_video_at_once_is_refused()
    {
        var (course, lecture, student) = await EnrolledInOneLectureCourseAsync(lectures: 1);
        var session = (await PlaybackAsync(lecture, student)).WatchSessionId!;

        // The student drags the slider to 3.5 s and lets the last half second play.
        var before = await Metrics.ScrapeAsync(Factory);
        await Task.Delay(600);
        await HeartbeatAsync(lecture, student, session, seq: 0, from: 3.5, to: 4, rate: 1, position: 4);
        // A client that claims the whole video after half a second of wall clock is not believed.
        await Task.Delay(500);
        var refused = await (await SendHeartbeatAsync(lecture, student, session, seq: 1, from: 0, to: 4, rate: 2, position: 4))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "PROGRESS_IMPLAUSIBLE");
        Assert.Contains("claims 4 s", refused.Detail, StringComparison.Ordinal);
        var buffered = await Metrics.ScrapeAsync(Factory);
        Assert.Equal(1, buffered.Value("lecturehub_watch_buffered_heartbeats"));
        Assert.Equal(1, buffered.Since(before, "lecturehub_commands_total", "command=RecordHeartbeat", "code=OK"));
        Assert.Equal(1, buffered.Since(before, "lecturehub_commands_total", "command=RecordHeartbeat", "code=PROGRESS_IMPLAUSIBLE"));
        await FlushAsync();
        Assert.Equal(0, (await Metrics.ScrapeAsync(Factory)).Value("lecturehub_watch_buffered_heartbeats"));

        var progress = await ProgressAsync(course, student);
        Assert.Equal(12.5, progress.Percent);
        Assert.False(progress.Completed);
        Assert.False(progress.Curriculum[0].Completed);
        Assert.Null(progress.CertificateCode);
        Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM certificates"));
    }

    [Fact]
    public async Task Course_progress_sums_over_lectures_and_a_lecture_without_a_video_keeps_the_course_open()
    {
        // Two lectures: the first has a 4 s video, the second none yet (the instructor's 600 s stands).
        var (course, lecture, student) = await EnrolledInOneLectureCourseAsync(lectures: 2);
        var session = (await PlaybackAsync(lecture, student)).WatchSessionId!;
        await Task.Delay(2100);
        await HeartbeatAsync(lecture, student, session, seq: 0, from: 0, to: 4, rate: 2, position: 4);
        await FlushAsync();

        var progress = await ProgressAsync(course, student);
        Assert.Equal([100.0, 0.0], progress.Curriculum.Select(l => l.Percent));
        Assert.Equal([4.0, 600.0], progress.Curriculum.Select(l => l.DurationSeconds));
        Assert.Equal(Math.Round(100 * 4 / 604.0, 1), progress.Percent);
        Assert.Equal((1, 2, false), (progress.CompletedLectures, progress.Lectures, progress.Completed));
        Assert.Null(progress.CertificateCode);
    }

    [Fact]
    public async Task Bad_heartbeats_and_strangers_get_problems_with_codes()
    {
        var (course, lecture, student) = await EnrolledInOneLectureCourseAsync(lectures: 1);
        var session = (await PlaybackAsync(lecture, student)).WatchSessionId!;

        var invalid = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/progress", student,
            new { sessionId = session, seq = 0, from = 3, to = 1, rate = 16, position = -1 })).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["position", "rate", "to"], invalid.Errors!.Keys.Order());
        await (await SendHeartbeatAsync(lecture, student, "not-a-session", 0, 0, 0, 1, 0)).ProblemAsync(HttpStatusCode.NotFound, "WATCH_SESSION_NOT_FOUND");
        await (await SendHeartbeatAsync(Guid.NewGuid(), student, session, 0, 0, 0, 1, 0)).ProblemAsync(HttpStatusCode.NotFound, "WATCH_SESSION_NOT_FOUND");
        await (await SendHeartbeatAsync(lecture, null, session, 0, 0, 0, 1, 0)).ProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");

        // Someone else cannot use the student's session, see their progress, or get a session without enrolling.
        var stranger = await Client.SignUpAsync("stranger@lecturehub.test");
        await (await SendHeartbeatAsync(lecture, stranger, session, 0, 0, 0, 1, 0)).ProblemAsync(HttpStatusCode.NotFound, "WATCH_SESSION_NOT_FOUND");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/me/courses/{course}/progress", stranger)).ProblemAsync(HttpStatusCode.Forbidden, "ENROLLMENT_REQUIRED");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/me/courses/{Guid.NewGuid()}/progress", stranger)).ProblemAsync(HttpStatusCode.NotFound, "COURSE_NOT_FOUND");
        await (await Client.GetAsync("/api/v1/certificates/LH-0000-0000-0000")).ProblemAsync(HttpStatusCode.NotFound, "CERTIFICATE_NOT_FOUND");

        // A heartbeat sent twice (the answer was lost) counts once.
        await Task.Delay(600);
        Assert.False((await HeartbeatAsync(lecture, student, session, 0, 0, 0.5, 1, 0.5)).Duplicate);
        Assert.True((await HeartbeatAsync(lecture, student, session, 0, 0, 0.5, 1, 0.5)).Duplicate);
    }

    private async Task<(Guid Course, Guid Lecture, Tokens Student)> EnrolledInOneLectureCourseAsync(int lectures)
    {
        var instructor = await Client.SignUpAsync("instructor@lecturehub.test", "Instructor", "강사");
        var course = await Client.FreeCourseAsync(instructor, await Factory.WeldingCategoryAsync(), lectures);
        var lecture = course.Curriculum[0].Lectures[0].Id;
        await Client.TranscodedAsync(Factory.Services, instructor, lecture, _work);

        // The instructor may play it, but records no progress.
        Assert.Null((await PlaybackAsync(lecture, instructor)).WatchSessionId);
        var student = await Client.SignUpAsync("student@lecturehub.test", displayName: "수강생");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", student)).ReadAsync<object>(HttpStatusCode.Created);
        return (course.Id, lecture, student);
    }

    private async Task<Playback> PlaybackAsync(Guid lecture, Tokens user) =>
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/playback", user)).ReadAsync<Playback>();

    private Task<HttpResponseMessage> SendHeartbeatAsync(Guid lecture, Tokens? user, string session, long seq, double from, double to, double rate, double position) =>
        Client.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/progress", user, new { sessionId = session, seq, from, to, rate, position });

    private async Task<HeartbeatAck> HeartbeatAsync(Guid lecture, Tokens user, string session, long seq, double from, double to, double rate, double position) =>
        await (await SendHeartbeatAsync(lecture, user, session, seq, from, to, rate, position)).ReadAsync<HeartbeatAck>(HttpStatusCode.Accepted);

    private async Task<CourseProgress> ProgressAsync(Guid course, Tokens student) =>
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/me/courses/{course}/progress", student)).ReadAsync<CourseProgress>();

    private async Task FlushAsync() => await Factory.Service<WatchProgressFlusher>().FlushAllAsync(CancellationToken.None);

    public sealed record HeartbeatAck(bool Duplicate);
}
