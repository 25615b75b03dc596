namespace LectureHub.Infrastructure.CloudFront;

/// <summary>The hash CloudFront signs the policy with; SHA-1 unless Hash-Algorithm says SHA256.</summary>
public enum CloudFrontHash
{
    Sha1,
    Sha256,
}
