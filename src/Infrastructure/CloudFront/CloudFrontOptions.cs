using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.CloudFront;

/// <summary>
/// How playback credentials are signed. Production sets the key pair id and private key of a CloudFront key group and
/// the distribution's URL; development generates a key under .data/keys and serves the stream itself at /cdn.
/// </summary>
public sealed class CloudFrontOptions : IValidatableObject
{
    public const string Section = "CloudFront";

    /// <summary>The public key's id in the distribution's key group (the <c>Key-Pair-Id</c> value).</summary>
    public string KeyPairId { get; set; } = "";

    /// <summary>The RSA private key, PEM (PKCS#1 or PKCS#8). Development: generated on first run.</summary>
    public string PrivateKeyPem { get; set; } = "";

    /// <summary>SHA1 (CloudFront's default) or SHA256.</summary>
    [RegularExpression("^(SHA1|SHA256)$")]
    public string HashAlgorithm { get; set; } = "SHA1";

    /// <summary>
    /// Where viewers fetch HLS from, e.g. https://d111111abcdef8.cloudfront.net. Empty: this API's own /cdn (the local
    /// signed CDN, which checks credentials exactly as CloudFront would).
    /// </summary>
    public string DistributionUrl { get; set; } = "";

    /// <summary>Credentials never outlive this, however long the lecture.</summary>
    [Range(5, 24 * 60)]
    public int MaxLifetimeMinutes { get; set; } = 6 * 60;

    /// <summary>Expiry times are rounded up to this window, so viewers of one video share one signature.</summary>
    [Range(1, 60)]
    public int ExpiryWindowMinutes { get; set; } = 5;

    /// <summary>The signed cookies' Domain, e.g. .lecturehub.kr when the distribution is cdn.lecturehub.kr; empty: none.</summary>
    public string CookieDomain { get; set; } = "";

    public CloudFrontHash Hash => HashAlgorithm == "SHA256" ? CloudFrontHash.Sha256 : CloudFrontHash.Sha1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(KeyPairId) || string.IsNullOrWhiteSpace(PrivateKeyPem))
        {
            yield return new ValidationResult("CloudFront:KeyPairId and CloudFront:PrivateKeyPem are required outside development.",
                [nameof(KeyPairId), nameof(PrivateKeyPem)]);
        }

        if (!string.IsNullOrWhiteSpace(PrivateKeyPem) && !IsRsaPem(PrivateKeyPem))
        {
            yield return new ValidationResult("CloudFront:PrivateKeyPem is not an RSA private key in PEM form.", [nameof(PrivateKeyPem)]);
        }

        if (DistributionUrl.Length > 0 && (!Uri.TryCreate(DistributionUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            yield return new ValidationResult("CloudFront:DistributionUrl must be an absolute http(s) URL.", [nameof(DistributionUrl)]);
        }
    }

    private static bool IsRsaPem(string pem)
    {
        using var rsa = System.Security.Cryptography.RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
