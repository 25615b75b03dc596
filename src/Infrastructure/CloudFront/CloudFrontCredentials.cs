namespace LectureHub.Infrastructure.CloudFront;

/// <summary>The signing values of one request, from its query string or from its cookies (never mixed).</summary>
public sealed record CloudFrontCredentials(string? Policy, string? Expires, string? Signature, string? KeyPairId, string? HashAlgorithm)
{
    /// <summary>Query parameters that carry credentials; they are not part of the URL a policy names.</summary>
    public static readonly IReadOnlySet<string> QueryNames =
        new HashSet<string>(["Policy", "Expires", "Signature", "Key-Pair-Id", "Hash-Algorithm"], StringComparer.Ordinal);

    public static CloudFrontCredentials? FromQuery(Func<string, string?> query) =>
        query("Signature") is null
            ? null
            : new(query("Policy"), query("Expires"), query("Signature"), query("Key-Pair-Id"), query("Hash-Algorithm"));

    public static CloudFrontCredentials? FromCookies(Func<string, string?> cookie) =>
        cookie(CloudFrontSigner.SignatureCookie) is null
            ? null
            : new(cookie(CloudFrontSigner.PolicyCookie), cookie("CloudFront-Expires"), cookie(CloudFrontSigner.SignatureCookie),
                cookie(CloudFrontSigner.KeyPairIdCookie), cookie(CloudFrontSigner.HashAlgorithmCookie));
}
