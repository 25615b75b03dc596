using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LectureHub.Infrastructure.CloudFront;

/// <summary>
/// Signs CloudFront URLs and cookies in AWS's documented format (written in-house: AWSSDK.CloudFront is not in this
/// registry): RSA PKCS#1 v1.5 over the policy's UTF-8 bytes, encoded with <see cref="CloudFrontBase64"/>.
/// One RSA key serves concurrent requests; the OpenSSL-backed key is only read while signing.
/// </summary>
public sealed class CloudFrontSigner(RSA privateKey, string keyPairId, CloudFrontHash hash = CloudFrontHash.Sha1)
{
    public const string PolicyCookie = "CloudFront-Policy";
    public const string SignatureCookie = "CloudFront-Signature";
    public const string KeyPairIdCookie = "CloudFront-Key-Pair-Id";
    public const string HashAlgorithmCookie = "CloudFront-Hash-Algorithm";

    public string KeyPairId => keyPairId;

    public CloudFrontHash Hash => hash;

    public string Sign(string policyJson) =>
        CloudFrontBase64.Encode(privateKey.SignData(Encoding.UTF8.GetBytes(policyJson), HashName(hash), RSASignaturePadding.Pkcs1));

    /// <summary>A canned-policy signed URL: <c>Expires</c>, <c>Signature</c>, <c>Key-Pair-Id</c> appended to the URL's query.</summary>
    public string SignUrl(string url, DateTimeOffset expiresAt)
    {
        var policy = CloudFrontPolicy.Canned(url, expiresAt);
        var query = $"Expires={policy.ExpiresEpoch.ToString(CultureInfo.InvariantCulture)}&Signature={Sign(policy.ToJson())}&Key-Pair-Id={keyPairId}";
        return Append(url, query + HashParameter());
    }

    /// <summary>Credentials for a custom policy, as query parameters or cookies.</summary>
    public SignedPolicy SignPolicy(CloudFrontPolicy policy)
    {
        var json = policy.ToJson();
        return new SignedPolicy(CloudFrontBase64.Encode(Encoding.UTF8.GetBytes(json)), Sign(json), keyPairId, hash);
    }

    public static HashAlgorithmName HashName(CloudFrontHash hash) => hash == CloudFrontHash.Sha256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;

    public static string Append(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private string HashParameter() => hash == CloudFrontHash.Sha256 ? "&Hash-Algorithm=SHA256" : "";
}
