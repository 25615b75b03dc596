namespace LectureHub.Infrastructure.CloudFront;

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
