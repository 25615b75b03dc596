namespace LectureHub.Application.Courses;

/// <summary>Stores an uploaded course image as resized copies named by its content hash.</summary>
public interface IThumbnailStore
{
    /// <summary>
    /// Checks the bytes are a JPEG, PNG or WebP image (by content, not name), writes the standard widths, and returns the
    /// key. Throws a <see cref="Domain.Common.DomainValidationException"/> for anything else.
    /// </summary>
    Task<string> SaveAsync(Stream image, CancellationToken cancellationToken);
}

/// <summary>The URLs of a thumbnail's sizes. Files never change once written (content-hashed), so they cache forever.</summary>
public sealed record ThumbnailDto(string Small, string Medium, string Large)
{
    public const long MaxUploadBytes = 5 * 1024 * 1024;
    public const string UrlPrefix = "/media/thumbnails/";
    public static readonly int[] Widths = [320, 640, 1280];

    public static string FileName(string key, int width) => $"{key}-{width}.jpg";

    public static ThumbnailDto? From(string? key) => key is null
        ? null
        : new ThumbnailDto(UrlPrefix + FileName(key, Widths[0]), UrlPrefix + FileName(key, Widths[1]), UrlPrefix + FileName(key, Widths[2]));
}
