using LectureHub.Domain.Common;

namespace LectureHub.Domain.Users;

/// <summary>The languages LectureHub writes to its users in, as ISO 639-1 codes. Korean first: the home market.</summary>
public static class Languages
{
    public const string Korean = "ko";
    public const string English = "en";
    public const string Default = Korean;
    public const int MaxLength = 8;

    public static IReadOnlyList<string> Supported { get; } = [Korean, English];

    public static bool IsSupported(string? language) => language is not null && Supported.Contains(language);

    internal static void Require(string language)
    {
        if (!IsSupported(language))
        {
            throw new DomainException("LANGUAGE_NOT_SUPPORTED", $"'{language}' is not a supported language; use one of: {string.Join(", ", Supported)}.");
        }
    }
}
