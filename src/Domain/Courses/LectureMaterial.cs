using LectureHub.Domain.Common;

namespace LectureHub.Domain.Courses;

/// <summary>A kind of file a lecture may carry, recognised by its first bytes, never by its name or declared type.</summary>
public sealed record MaterialType(string ContentType, string Extension, bool IsImage)
{
    public static readonly MaterialType Pdf = new("application/pdf", ".pdf", false);
    public static readonly MaterialType Png = new("image/png", ".png", true);
    public static readonly MaterialType Jpeg = new("image/jpeg", ".jpg", true);
    public static readonly MaterialType Webp = new("image/webp", ".webp", true);
    public static readonly MaterialType Dwg = new("image/vnd.dwg", ".dwg", false);
    public static readonly MaterialType Dxf = new("image/vnd.dxf", ".dxf", false);

    public static readonly IReadOnlyList<MaterialType> All = [Pdf, Png, Jpeg, Webp, Dwg, Dxf];

    /// <summary>How many leading bytes <see cref="Recognise"/> needs at most.</summary>
    public const int HeadBytes = 32;

    /// <summary>
    /// PDF (<c>%PDF-</c>), PNG, JPEG, WebP (<c>RIFF</c> … <c>WEBP</c>), AutoCAD DWG (<c>AC10</c> and a version) and DXF
    /// (binary: its sentinel; ASCII: group code 0 then <c>SECTION</c>); null for anything else.
    /// </summary>
    public static MaterialType? Recognise(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return Webp;
        }

        if (b.Length >= 6 && b.StartsWith("AC10"u8) && char.IsAsciiDigit((char)b[4]) && char.IsAsciiDigit((char)b[5]))
        {
            return Dwg;
        }

        if (b.StartsWith("AutoCAD Binary DXF"u8))
        {
            return Dxf;
        }

        var text = b.TrimStart(" \t\r\n"u8);
        return text.StartsWith("0"u8) && text[1..].TrimStart(" \t\r\n"u8).StartsWith("SECTION"u8) ? Dxf : null;
    }
}

/// <summary>
/// A file attached to a lecture (a PDF handout, a wiring drawing, a photo of a joint), downloadable by whoever may
/// watch the lecture through short-lived signed URLs, as its video is. The bytes live on the signed CDN under
/// <see cref="Path"/>; the row is what grants access to them.
/// </summary>
public sealed class LectureMaterial : Entity
{
    /// <summary>50 MiB: a scanned drawing set; larger belongs in a video.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    public const int MaxPerLecture = 20;

    public const int MaxFileNameLength = 120;

    private LectureMaterial()
    {
    }

    public Guid LectureId { get; private set; }

    public Guid UploadedBy { get; private set; }

    /// <summary>The name a student downloads it as: the uploader's, made safe, with the extension of its real type.</summary>
    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    /// <summary>SHA-256 of the bytes, in hex: what a student can check a download against.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>Under the CDN root: materials/{id}/{file name}.</summary>
    public string Path { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static string FolderOf(Guid id) => $"materials/{id}";

    public static LectureMaterial Attach(
        Guid id, Guid lectureId, Guid uploadedBy, string fileName, MaterialType type, long sizeBytes, string sha256, int attachedAlready, DateTimeOffset now)
    {
        EnsureRoom(attachedAlready);
        var name = SafeName(fileName, type);
        return new LectureMaterial
        {
            Id = id, LectureId = lectureId, UploadedBy = uploadedBy, FileName = name, ContentType = type.ContentType, SizeBytes = sizeBytes,
            Sha256 = sha256, Path = $"{FolderOf(id)}/{name}", CreatedAt = now,
        };
    }

    /// <summary>Whether a lecture with this many materials may take one more (checked before its bytes are stored, and on attaching).</summary>
    public static void EnsureRoom(int attachedAlready)
    {
        if (attachedAlready >= MaxPerLecture)
        {
            throw new DomainException("MATERIAL_LIMIT_REACHED", $"A lecture holds at most {MaxPerLecture} materials; remove one first.");
        }
    }

    public void Remove() => Raise(new MaterialRemoved(Id, LectureId));

    /// <summary>
    /// The base of the uploader's name (no folders, no control or reserved characters, at most
    /// <see cref="MaxFileNameLength"/> characters, "material" when nothing is left) and the real type's extension.
    /// </summary>
    public static string SafeName(string fileName, MaterialType type)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        var stem = new string((dot > 0 ? name[..dot] : name).Where(c => !char.IsControl(c) && !"<>:\"|?*%#".Contains(c)).ToArray()).Trim().Trim('.');
        stem = stem.Length == 0 ? "material" : stem[..Math.Min(stem.Length, MaxFileNameLength - type.Extension.Length)].TrimEnd();
        return stem + type.Extension;
    }
}

/// <summary>A material was removed: its bytes go from the CDN once the removal has committed.</summary>
public sealed record MaterialRemoved(Guid MaterialId, Guid LectureId) : IDomainEvent;
