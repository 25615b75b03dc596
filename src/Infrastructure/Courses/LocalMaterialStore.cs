using System.Security.Cryptography;
using LectureHub.Application.Courses;
using LectureHub.Domain.Common;
using LectureHub.Domain.Courses;
using LectureHub.Infrastructure.Media;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Courses;

/// <summary>
/// Materials in the media root's cdn folder, beside the HLS renditions, so the same signed CDN (CloudFront, or the
/// API's own) serves both. An upload streams to a hidden file while it is hashed and counted, is recognised by its
/// first bytes, and is renamed into place whole, or deleted.
/// </summary>
internal sealed class LocalMaterialStore(IOptions<MediaOptions> options) : IMaterialStore
{
    public async Task<StoredMaterial> SaveAsync(Guid materialId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var folder = Folder(materialId);
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".upload-{Guid.NewGuid():N}");
        try
        {
            var (head, size, sha256) = await CopyAsync(content, temp, cancellationToken);
            var type = MaterialType.Recognise(head) ?? throw new DomainValidationException(
                "MATERIAL_UNSUPPORTED_TYPE", "A material is a PDF, a PNG, JPEG or WebP image, or an AutoCAD DWG or DXF drawing (checked by its bytes, not its name).");
            File.Move(temp, Path.Combine(folder, LectureMaterial.SafeName(fileName, type)));
            return new StoredMaterial(type, size, sha256);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public Task DeleteAsync(Guid materialId, CancellationToken cancellationToken)
    {
        var folder = Folder(materialId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private string Folder(Guid materialId) => Path.Combine(options.Value.Root, "cdn", LectureMaterial.FolderOf(materialId));

    /// <summary>The upload to <paramref name="path"/>, refused past <see cref="LectureMaterial.MaxBytes"/> whatever the request claimed.</summary>
    private static async Task<(byte[] Head, long Size, string Sha256)> CopyAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new List<byte>(MaterialType.HeadBytes);
        var buffer = new byte[81920];
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > LectureMaterial.MaxBytes)
                {
                    throw new DomainValidationException("MATERIAL_TOO_LARGE", $"A material is at most {LectureMaterial.MaxBytes / 1024 / 1024} MB.");
                }

                head.AddRange(buffer.AsSpan(0, Math.Min(read, MaterialType.HeadBytes - head.Count)));
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return (head.ToArray(), size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
