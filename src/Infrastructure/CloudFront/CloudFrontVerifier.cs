using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace LectureHub.Infrastructure.CloudFront;

/// <summary>
/// Checks credentials the way CloudFront does, for the local signed CDN: the signature over the policy with the key
/// pair's public key, then the policy's times, resource and source address.
/// </summary>
public sealed class CloudFrontVerifier(IReadOnlyDictionary<string, RSA> publicKeys)
{
    /// <param name="url">The requested URL (scheme, host, path and query) without the credential parameters.</param>
    public CloudFrontDenial Check(string url, CloudFrontCredentials? credentials, DateTimeOffset now, IPAddress? client)
    {
        if (credentials is not { Signature: { } signature, KeyPairId: { } keyPairId })
        {
            return CloudFrontDenial.MissingCredentials;
        }

        if (!publicKeys.TryGetValue(keyPairId, out var key))
        {
            return CloudFrontDenial.UnknownKeyPair;
        }

        var hash = credentials.HashAlgorithm switch
        {
            null or "SHA1" => CloudFrontHash.Sha1,
            "SHA256" => CloudFrontHash.Sha256,
            _ => (CloudFrontHash?)null,
        };
        var policy = ReadPolicy(url, credentials, out var signed);
        if (hash is null || policy is null || !CloudFrontBase64.TryDecode(signature, out var signatureBytes))
        {
            return CloudFrontDenial.Malformed;
        }

        if (!key.VerifyData(signed, signatureBytes, CloudFrontSigner.HashName(hash.Value), RSASignaturePadding.Pkcs1))
        {
            return CloudFrontDenial.BadSignature;
        }

        return now >= policy.ExpiresAt ? CloudFrontDenial.Expired
            : policy.NotBefore is { } notBefore && now <= notBefore ? CloudFrontDenial.NotYetValid
            : !policy.Covers(url) ? CloudFrontDenial.ResourceMismatch
            : !policy.AllowsAddress(client) ? CloudFrontDenial.AddressMismatch
            : CloudFrontDenial.None;
    }

    /// <summary>A custom policy is sent; a canned one is rebuilt from the URL and Expires, exactly as it was signed.</summary>
    private static CloudFrontPolicy? ReadPolicy(string url, CloudFrontCredentials credentials, out byte[] signed)
    {
        signed = [];
        if (credentials.Policy is { } encoded)
        {
            if (!CloudFrontBase64.TryDecode(encoded, out signed))
            {
                return null;
            }

            return CloudFrontPolicy.TryParse(signed);
        }

        if (!long.TryParse(credentials.Expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || expires > 253402300799)
        {
            return null;
        }

        var canned = CloudFrontPolicy.Canned(url, DateTimeOffset.FromUnixTimeSeconds(expires));
        if (!canned.IsJsonSafe)
        {
            return null;
        }

        signed = Encoding.UTF8.GetBytes(canned.ToJson());
        return canned;
    }
}
