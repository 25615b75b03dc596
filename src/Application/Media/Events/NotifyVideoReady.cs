using System.Globalization;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Email;
using LectureHub.Domain.Media;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Logging;

namespace LectureHub.Application.Media.Events;

/// <summary>The uploader's email and name, the lecture's and course's titles, and the video's facts.</summary>
internal sealed record VideoReadyFacts(string Email, string DisplayName, string Language, string LectureTitle, string CourseTitle, string FileName, double? DurationSeconds);

/// <summary>
/// Tells the instructor that an uploaded video finished transcoding and can be played, in their language. Runs from
/// the outbox after the video became Ready; a redelivery carries the same notification key.
/// </summary>
internal sealed class NotifyVideoReady(IReadDb db, IEmailSender email, ILogger<NotifyVideoReady> logger) : IDomainEventHandler<VideoReady>
{
    private const string FactsSql = """
        SELECT u.email AS "Email", u.display_name AS "DisplayName", u.language AS "Language", l.title AS "LectureTitle",
               c.title AS "CourseTitle", v.file_name AS "FileName", v.duration_seconds AS "DurationSeconds"
        FROM lecture_videos v
        JOIN users u ON u.id = v.uploaded_by
        JOIN lectures l ON l.id = v.lecture_id
        JOIN courses c ON c.id = v.course_id
        WHERE v.id = @VideoId
        """;

    private static readonly Dictionary<(string Language, string Kind), EmailTemplate> Templates = new()
    {
        [(Languages.Korean, "ready")] = new(
            "[LectureHub] '{lecture}' 영상 처리가 끝났습니다",
            "{name}님, '{course}' 강의의 '{lecture}'에 올리신 영상({file}, {length})의 변환이 끝나 이제 재생할 수 있습니다.",
            "360p부터 원본 화질까지 네트워크 상황에 맞춰 자동으로 전환됩니다."),
        [(Languages.English, "ready")] = new(
            "[LectureHub] Your video for '{lecture}' is ready",
            "Hi {name}, the video you uploaded for '{lecture}' in '{course}' ({file}, {length}) has been transcoded and can now be played.",
            "Players switch between 360p and the source's quality to suit each viewer's connection."),
    };

    public async Task HandleAsync(VideoReady domainEvent, CancellationToken cancellationToken)
    {
        var facts = await db.Primary.QuerySingleOrDefaultAsync<VideoReadyFacts>(FactsSql, new { domainEvent.VideoId }, cancellationToken);
        if (facts is null)
        {
            logger.LogWarning("Video {VideoId} no longer exists (its lecture was removed); its ready email is not sent", domainEvent.VideoId);
            return;
        }

        await email.SendAsync(Compose(domainEvent.VideoId, facts), cancellationToken);
        logger.LogInformation("Video {VideoId}: ready email sent", domainEvent.VideoId);
    }

    internal static EmailMessage Compose(Guid videoId, VideoReadyFacts facts)
    {
        var (language, template) = EmailTemplate.For(Templates, facts.Language, "ready");
        var length = TimeSpan.FromSeconds(Math.Round(facts.DurationSeconds ?? 0));
        var values = new Dictionary<string, string>
        {
            ["{name}"] = facts.DisplayName,
            ["{lecture}"] = facts.LectureTitle,
            ["{course}"] = facts.CourseTitle,
            ["{file}"] = facts.FileName,
            ["{length}"] = length.ToString(length.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture),
        };
        return template.Render(facts.Email, facts.DisplayName, language, values, $"video.{videoId:N}.ready");
    }
}
