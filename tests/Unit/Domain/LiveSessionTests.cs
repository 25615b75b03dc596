using LectureHub.Domain.Common;
using LectureHub.Domain.Live;

namespace LectureHub.UnitTests.Domain;

public sealed class LiveSessionTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid Host = Guid.NewGuid(), Ta = Guid.NewGuid();

    private static LiveSession Session(int startsInMinutes = 60, int minutes = 90) =>
        LiveSession.Schedule(Host, Guid.NewGuid(), null, " 배관 실시간 ", Now.AddMinutes(startsInMinutes), Now.AddMinutes(startsInMinutes + minutes), [Ta, Ta], Now);

    [Fact]
    public void A_session_opens_from_half_an_hour_before_its_start_until_its_end_then_ends()
    {
        var session = Session();
        Assert.Equal(("배관 실시간", LiveSessionStatus.Scheduled), (session.Title, session.Status));
        Assert.Equal([Ta], session.AssistantIds); // named twice, kept once
        Assert.Equal("LIVE_SESSION_OUTSIDE_ITS_TIME", Assert.Throws<DomainException>(() => session.Start(Now.AddMinutes(29))).Code);
        Assert.Equal("LIVE_SESSION_NOT_LIVE", Assert.Throws<DomainException>(() => session.End(Now.AddMinutes(30))).Code);
        session.Start(Now.AddMinutes(30));
        Assert.Equal((LiveSessionStatus.Live, Now.AddMinutes(30)), (session.Status, session.StartedAt));
        Assert.Equal("LIVE_SESSION_NOT_SCHEDULED", Assert.Throws<DomainException>(() => session.Start(Now.AddMinutes(31))).Code);
        session.End(Now.AddMinutes(100));
        Assert.Equal((LiveSessionStatus.Ended, Now.AddMinutes(100)), (session.Status, session.EndedAt));

        var missed = Session();
        Assert.Equal("LIVE_SESSION_OUTSIDE_ITS_TIME", Assert.Throws<DomainException>(() => missed.Start(Now.AddMinutes(150))).Code);
    }

    [Fact]
    public void Parents_times_and_assistants_are_checked()
    {
        var session = Session();
        Assert.Equal("LIVE_SESSION_PARENT", Assert.Throws<DomainValidationException>(() =>
            LiveSession.Schedule(Host, Guid.NewGuid(), Guid.NewGuid(), "x", Now.AddHours(1), Now.AddHours(2), [], Now)).Code);
        Assert.Equal("LIVE_SESSION_PARENT", Assert.Throws<DomainValidationException>(() =>
            LiveSession.Schedule(Host, null, null, "x", Now.AddHours(1), Now.AddHours(2), [], Now)).Code);
        Assert.Equal("LIVE_SESSION_IN_THE_PAST", Assert.Throws<DomainValidationException>(() => Session(startsInMinutes: 0)).Code);
        Assert.Equal("LIVE_SESSION_LENGTH", Assert.Throws<DomainValidationException>(() => Session(minutes: 8 * 60 + 1)).Code);
        Assert.Equal("LIVE_SESSION_LENGTH", Assert.Throws<DomainValidationException>(() => Session(minutes: 0)).Code);
        Assert.Equal("LIVE_SESSION_HOST_AS_ASSISTANT", Assert.Throws<DomainValidationException>(() => session.Revise("x", Now.AddHours(1), Now.AddHours(2), [Host], Now)).Code);
    }

    [Fact]
    public void Moving_the_start_asks_for_a_new_reminder()
    {
        var session = Session();
        session.Remind(Now);
        Assert.Equal(new LiveSessionReminderDue(session.Id, session.StartsAt), Assert.Single(session.DomainEvents));
        session.Revise("새 제목", session.StartsAt, session.EndsAt, [], Now);
        Assert.Equal((Now, "새 제목", 0), (session.RemindedAt!.Value, session.Title, session.AssistantIds.Count));
        session.Revise("새 제목", session.StartsAt.AddHours(1), session.EndsAt.AddHours(1), [], Now);
        Assert.Null(session.RemindedAt);
    }
}
