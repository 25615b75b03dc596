using LectureHub.Domain.Courses;

namespace LectureHub.Application.Courses;

/// <summary>What the store kept of an upload: its real type, length and SHA-256.</summary>
public sealed record StoredMaterial(MaterialType Type, long SizeBytes, string Sha256);

/// <summary>Material files on the signed CDN, under <see cref="LectureMaterial.FolderOf"/>.</summary>
public interface IMaterialStore
{
    /// <summary>
    /// Writes the upload to its folder under the name the material will have, if its first bytes are a
    /// <see cref="MaterialType"/> and it is at most <see cref="LectureMaterial.MaxBytes"/>; otherwise writes nothing and
    /// throws a <see cref="Domain.Common.DomainValidationException"/> (MATERIAL_UNSUPPORTED_TYPE, MATERIAL_TOO_LARGE).
    /// </summary>
    Task<StoredMaterial> SaveAsync(Guid materialId, string fileName, Stream content, CancellationToken cancellationToken);

    /// <summary>Removes a material's folder; nothing when it is gone already.</summary>
    Task DeleteAsync(Guid materialId, CancellationToken cancellationToken);
}

/// <summary>A lecture's file; <c>DownloadUrl</c> is signed and works until <c>ExpiresAt</c> (null for its editors' listing after upload).</summary>
public sealed record MaterialDto(
    Guid Id, Guid LectureId, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset CreatedAt, string? DownloadUrl, DateTimeOffset? ExpiresAt)
{
    public static MaterialDto From(LectureMaterial m, string? downloadUrl = null, DateTimeOffset? expiresAt = null) =>
        new(m.Id, m.LectureId, m.FileName, m.ContentType, m.SizeBytes, m.Sha256, m.CreatedAt, downloadUrl, expiresAt);
}
