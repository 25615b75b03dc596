using System.Globalization;
using System.Security.Cryptography;
using LectureHub.Application.Courses;
using LectureHub.Domain.Common;
using LectureHub.Domain.Courses;
using LectureHub.Infrastructure.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Courses;

/// <summary>
/// Thumbnails on the local disk: the type is checked by magic bytes, ffmpeg decodes once and writes a JPEG per
/// standard width (never upscaling), and files are named by the SHA-256 of the upload, so an identical upload costs
/// nothing and a file, once written, never changes.
/// </summary>
internal sealed class LocalThumbnailStore(IOptions<MediaOptions> options, ILogger<LocalThumbnailStore> logger) : IThumbnailStore
{
    public async Task<string> SaveAsync(Stream image, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await image.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (!LooksLikeImage(bytes))
        {
            throw new DomainValidationException("THUMBNAIL_UNSUPPORTED_TYPE", "The file is not a JPEG, PNG or WebP image.");
        }

        var key = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
        var directory = Path.Combine(options.Value.Root, "thumbnails");
        if (ThumbnailDto.Widths.All(w => File.Exists(Path.Combine(directory, ThumbnailDto.FileName(key, w)))))
        {
            return key;
        }

        Directory.CreateDirectory(directory);
        var work = Path.Combine(directory, $".{key}.{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var input = Path.Combine(work, "upload");
            await File.WriteAllBytesAsync(input, bytes, cancellationToken);
            await ResizeAsync(input, work, cancellationToken);
            foreach (var width in ThumbnailDto.Widths)
            {
                // Rename is atomic: readers see a whole file or none.
                File.Move(Path.Combine(work, $"{width}.jpg"), Path.Combine(directory, ThumbnailDto.FileName(key, width)), overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return key;
    }

    /// <summary>JPEG, PNG or WebP, by its bytes.</summary>
    internal static bool LooksLikeImage(ReadOnlySpan<byte> b) => MaterialType.Recognise(b) is { IsImage: true };

    private async Task ResizeAsync(string input, string work, CancellationToken cancellationToken)
    {
        var widths = ThumbnailDto.Widths;
        var split = $"[0:v]split={widths.Length}" + string.Concat(widths.Select((_, i) => $"[s{i}]")) + ";" +
                    string.Join(";", widths.Select((w, i) => string.Create(CultureInfo.InvariantCulture, $"[s{i}]scale='min({w},iw)':-2[o{i}]")));
        var arguments = new List<string> { "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", input, "-filter_complex", split };
        for (var i = 0; i < widths.Length; i++)
        {
            arguments.AddRange(["-map", $"[o{i}]", "-frames:v", "1", "-q:v", "3", Path.Combine(work, $"{widths[i]}.jpg")]);
        }

        var (exitCode, _, error) = await MediaTool.RunAsync(options.Value.FfmpegPath, arguments, TimeSpan.FromSeconds(options.Value.FfmpegTimeoutSeconds), cancellationToken);
        if (exitCode != 0)
        {
            logger.LogInformation("ffmpeg could not read an uploaded image: {Error}", error);
            throw new DomainValidationException("THUMBNAIL_UNREADABLE", "The image could not be decoded.");
        }
    }
}
