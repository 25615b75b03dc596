using System.Text.RegularExpressions;
using LectureHub.Domain.Common;

namespace LectureHub.Domain.Media;

/// <summary>
/// A lecture's WebVTT subtitles in one language. They belong to the lecture, not to one upload: a replacement video
/// keeps them, and they are listed in its master playlist as a SUBTITLES group.
/// </summary>
public sealed partial class LectureSubtitle : Entity
{
    public const int MaxBytes = 1 << 20;
    public const int MaxLabelLength = 40;

    private LectureSubtitle()
    {
    }

    public Guid LectureId { get; private set; }

    /// <summary>A BCP 47 tag: "ko", "en", "pt-BR".</summary>
    public string Language { get; private set; } = "";

    public string Label { get; private set; } = "";

    public string Content { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public static LectureSubtitle Create(Guid lectureId, string language, string label, string content, DateTimeOffset now)
    {
        if (!LanguageTag().IsMatch(language))
        {
            throw new DomainValidationException("SUBTITLE_LANGUAGE_INVALID", "The language is a BCP 47 tag such as 'ko', 'en' or 'pt-BR'.");
        }

        var subtitle = new LectureSubtitle { LectureId = lectureId, Language = language };
        subtitle.Replace(label, content, now);
        return subtitle;
    }

    public void Replace(string label, string content, DateTimeOffset now)
    {
        // WebVTT files start with "WEBVTT" (after an optional byte order mark), then a space, tab or line break.
        var text = content.TrimStart('\uFEFF');
        if (!text.StartsWith("WEBVTT", StringComparison.Ordinal) || (text.Length > 6 && text[6] is not (' ' or '\t' or '\n' or '\r')))
        {
            throw new DomainValidationException("SUBTITLE_INVALID", "Subtitles must be WebVTT: the file starts with 'WEBVTT'.");
        }

        (Label, Content, UpdatedAt) = (label.Trim(), text, now);
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z]{2})?$")]
    private static partial Regex LanguageTag();
}
