using LectureHub.Application.Media.Events;

namespace LectureHub.UnitTests.Application;

public sealed class VideoReadyEmailTests
{
    [Fact]
    public void The_instructor_is_told_in_their_language_with_the_lecture_and_its_length()
    {
        var videoId = Guid.NewGuid();
        var facts = new VideoReadyFacts("kim@example.com", "Kim <Welder>", "en", "TIG basics", "Welding 101", "tig.mp4", 3725.4);

        var email = NotifyVideoReady.Compose(videoId, facts);

        Assert.Equal("[LectureHub] Your video for 'TIG basics' is ready", email.Subject);
        Assert.Contains("(tig.mp4, 1:02:05)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kim &lt;Welder&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal($"video.{videoId:N}.ready", email.NotificationKey);
    }

    [Fact]
    public void A_language_without_a_template_falls_back_to_korean()
    {
        var email = NotifyVideoReady.Compose(Guid.NewGuid(), new VideoReadyFacts("a@b.c", "김", "ja", "1강", "용접", "a.mp4", 65));

        Assert.Equal(("ko", "[LectureHub] '1강' 영상 처리가 끝났습니다"), (email.Language, email.Subject));
        Assert.Contains("(a.mp4, 1:05)", email.TextBody, StringComparison.Ordinal);
    }
}
