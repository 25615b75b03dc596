using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LectureHub.Infrastructure.CloudFront;

/// <summary>The hash CloudFront signs the policy with; SHA-1 unless Hash-Algorithm says SHA256.</summary>
public enum CloudFrontHash
{
    Sha1,
    Sha256,
}

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

/// <summary>A signed custom policy. Its values are already URL- and cookie-safe (CloudFront's base64 alphabet).</summary>
public sealed record SignedPolicy(string Policy, string Signature, string KeyPairId, CloudFrontHash Hash)
{
    /// <summary><c>Policy=…&amp;Signature=…&amp;Key-Pair-Id=…</c> (and <c>Hash-Algorithm=SHA256</c> when used).</summary>
    public string QueryString =>
        $"Policy={Policy}&Signature={Signature}&Key-Pair-Id={KeyPairId}" + (Hash == CloudFrontHash.Sha256 ? "&Hash-Algorithm=SHA256" : "");

    public IReadOnlyDictionary<string, string> Cookies
    {
        get
        {
            var cookies = new Dictionary<string, string>
            {
                [CloudFrontSigner.PolicyCookie] = Policy,
                [CloudFrontSigner.SignatureCookie] = Signature,
                [CloudFrontSigner.KeyPairIdCookie] = KeyPairId,
            };
            if (Hash == CloudFrontHash.Sha256)
            {
                cookies[CloudFrontSigner.HashAlgorithmCookie] = "SHA256";
            }

            return cookies;
        }
    }
}
