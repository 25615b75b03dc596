using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Media;

/// <summary>Object storage for source videos (section <c>S3</c>), used when <c>Media:VideoStorage</c> is S3.</summary>
public sealed class S3Options
{
    public const string Section = "S3";

    /// <summary>An S3-compatible endpoint (MinIO, s3rver, a local stack); empty for AWS itself.</summary>
    public string ServiceUrl { get; set; } = "";

    [Required]
    public string Region { get; set; } = "ap-northeast-2";

    [Required]
    public string Bucket { get; set; } = "lecturehub-videos";

    /// <summary>Bucket in the path (http://host/bucket/key), as most S3-compatible servers want, not in the host name.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Static credentials; empty to use the AWS default chain (environment, instance role).</summary>
    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>How long a presigned upload URL stays valid: long enough to send 4 GiB on a slow connection.</summary>
    [Range(1, 7 * 24 * 60)]
    public int PresignMinutes { get; set; } = 12 * 60;
}
