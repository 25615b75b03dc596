using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Learning;
using LectureHub.Application.Learning.Commands;
using LectureHub.Domain.Learning;
using LectureHub.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace LectureHub.UnitTests.Application;

public sealed class WatchProgressHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Student = Guid.NewGuid();
    private static readonly Guid Lecture = Guid.NewGuid();
    private const string Session = "session-token";

    private readonly IWatchSessions _sessions = Substitute.For<IWatchSessions>();
    private readonly ICurrentUser _user = Substitute.For<ICurrentUser>();

    public WatchProgressHandlerTests() => _user.UserId.Returns(Student);

    private RecordHeartbeatHandler Handler => new(_sessions, _user, new TestClock(Now));

    [Fact]
    public async Task A_heartbeat_goes_to_the_session_in_milliseconds_with_the_server_clock()
    {
        _sessions.RecordAsync(Arg.Any<Heartbeat>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(new HeartbeatResult(HeartbeatOutcome.Accepted));

        var ack = await Handler.Handle(new RecordHeartbeatWorkflow(Lecture, Session, 3, 10.0004, 19.9996, 1.5, 20.25), default);

        Assert.False(ack.Duplicate);
        await _sessions.Received(1).RecordAsync(new Heartbeat(Session, Student, Lecture, 3, 10_000, 20_000, 1.5, 20_250), Now, Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(HeartbeatOutcome.UnknownSession, typeof(NotFoundException), "WATCH_SESSION_NOT_FOUND")]
    [InlineData(HeartbeatOutcome.Superseded, typeof(ConflictException), "WATCH_SESSION_SUPERSEDED")]
    [InlineData(HeartbeatOutcome.Implausible, typeof(UnprocessableException), "PROGRESS_IMPLAUSIBLE")]
    [InlineData(HeartbeatOutcome.Backlogged, typeof(ServiceUnavailableException), "PROGRESS_BACKLOGGED")]
    public async Task Each_refusal_has_its_own_status_and_code(HeartbeatOutcome outcome, Type exception, string code)
    {
        _sessions.RecordAsync(Arg.Any<Heartbeat>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(new HeartbeatResult(outcome, 11_000));

        var error = await Assert.ThrowsAnyAsync<AppException>(async () => await Handler.Handle(new RecordHeartbeatWorkflow(Lecture, Session, 0, 0, 30, 1, 30), default));

        Assert.Equal((exception, code), (error.GetType(), error.Code));
    }

    [Fact]
    public async Task A_repeat_is_acknowledged_as_a_duplicate()
    {
        _sessions.RecordAsync(Arg.Any<Heartbeat>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(new HeartbeatResult(HeartbeatOutcome.Duplicate));

        Assert.True((await Handler.Handle(new RecordHeartbeatWorkflow(Lecture, Session, 0, 0, 10, 1, 10), default)).Duplicate);
    }

    [Fact]
    public async Task A_merge_issues_one_certificate_per_completed_course_with_the_names_it_was_given()
    {
        var progress = Substitute.For<IWatchProgressStore>();
        var certificates = Substitute.For<IRepository<Certificate>>();
        var course = Guid.NewGuid();
        var records = new[] { new WatchRecord(Student, Lecture, 0, 4_000, 4_000, Now) };
        progress.MergeAsync(records, Arg.Any<CancellationToken>())
            .Returns([new CourseCompletion(Student, course, "김용접", "TIG 실기", "박강사", Now.AddSeconds(-1))]);

        var issued = await new MergeWatchedIntervalsHandler(progress, certificates, new TestClock(Now), NullLogger<MergeWatchedIntervalsHandler>.Instance)
            .Handle(new MergeWatchedIntervalsCommand(records), default);

        Assert.Equal(1, issued);
        await certificates.Received(1).AddAsync(Arg.Is<Certificate>(c =>
            c.StudentId == Student && c.CourseId == course && c.StudentName == "김용접" && c.CourseTitle == "TIG 실기" && c.InstructorName == "박강사"
            && c.CompletedAt == Now.AddSeconds(-1) && c.IssuedAt == Now && c.DomainEvents.OfType<CertificateIssued>().Single().CourseId == course), Arg.Any<CancellationToken>());
    }
}
