using System.Net;
using System.Security.Cryptography;
using System.Text;
using LectureHub.Infrastructure.CloudFront;

namespace LectureHub.UnitTests.Infrastructure.CloudFront;

/// <summary>
/// The in-house CloudFront signer against AWS's documented format. Expected signatures were made once with AWS's own
/// recipe (<c>printf %s "$POLICY" | openssl sha1 -sign key.pem | openssl base64 -A | tr -- '+=/' '-_~'</c>) from the
/// test-only key below, so they are an independent implementation's answer, not ours.
/// </summary>
public sealed class CloudFrontSignerTests : IDisposable
{
    internal const string Master = "https://d111111abcdef8.cloudfront.net/hls/lecture-1/master.m3u8";
    private const string CannedJson = "{\"Statement\":[{\"Resource\":\"" + Master + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767225600}}}]}";
    private const string CustomJson = "{\"Statement\":[{\"Resource\":\"https://d111111abcdef8.cloudfront.net/hls/lecture-1/*\",\"Condition\":" +
                                      "{\"DateLessThan\":{\"AWS:EpochTime\":1767225600},\"DateGreaterThan\":{\"AWS:EpochTime\":1767222000}," +
                                      "\"IpAddress\":{\"AWS:SourceIp\":\"192.0.2.0/24\"}}}]}";

    private const string CannedSha1 = "qjBl0fljya6sFGTGxHCc62915wnJAZRyT8~76cNXcZz7Aotk~SxS1l6pb9XJTSVTFSjAflTsQuWfkHg0yit-W8TVXl1z~1jCB0fnoPpEZ8hR6bhBuRWR0X8hWAAaedVyg0imPBPiq48FWEjSHbuBCE~q10LbKiJxIz31eUmkk491unlMuMLHOAXNj9MDPoeehARizSXOCkKrbsJkf19KtPodnxnl5xJx2M3rtWxL1GA8OVbRWQcaTMCbQ7DDgkfeb~uM0s8xHgp67Ff6VYoUBky8bB4hAF0i8MiiWxsYHOujbGArP9dmEwJInH-5Bt9ESiqDNDJCsLDf5l4QFrR2IQ__";
    private const string CannedSha256 = "L1lM-LQXJmf4i2hZ0CK3t-ABkF2D~YcPWgbqgmwS60MMzML-fmwJ~6-wxQwvMRM~PL6vQCnCfE3KoGMh1kxWHs~t88wcBeqyojCO~s81PavcQO-P8cM1SbTpRY6i6yUecM6ltvRujXq0kbEoLj-6tnvq-3uwp8CLm9u1D5yhuoamQi8zyIOD88B2o9mXMFHpn90xzGvnXHwoLFjzZMlti0AgHhCkita0rylv2WqezfDcjwCK-jv1u4OGmmVzsPe4o20cZr9edA7lL4tdMLjQX5g4yNpSTGtfvoTG99V3fMEHTmMjqFzTLgrRI6AKTfQ12cY5e2DbF4uQ8fsPqICbEQ__";
    private const string CustomSha1 = "M77w9W9UGVVxGyvj62bPlgHZ8zYv3w-yYpJxd3tcT32QwONzbeBRLF6lz546aEbTUnBw6n9O2e7BEt6z503WhVGh5ztWLCrwkMmndbpvw8bSTVUb8qqkvk8LjhcmWjWRloS4GnI4~q6FAYN2ubVNmrRNbmZ6qM13PttnND53rnfY7nHGqwnYJIh4mJc3L2EkYQJnjqeU8h7R9G34ms3nF~Sn8s20cB~gOfXFOixuURv5p7xsyc0HwmKzX1cPc3AOflSznWPMQmwSw3-XX6Gyp9zqdmvLCnZPnWf5HC2VvmQJYc6900Es98FRiVLK5aMlKbFQKwGc2LNm~Eb8vE9pEw__";
    private const string CustomPolicyBase64 = "eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kMTExMTExYWJjZGVmOC5jbG91ZGZyb250Lm5ldC9obHMvbGVjdHVyZS0xLyoiLCJDb25kaXRpb24iOnsiRGF0ZUxlc3NUaGFuIjp7IkFXUzpFcG9jaFRpbWUiOjE3NjcyMjU2MDB9LCJEYXRlR3JlYXRlclRoYW4iOnsiQVdTOkVwb2NoVGltZSI6MTc2NzIyMjAwMH0sIklwQWRkcmVzcyI6eyJBV1M6U291cmNlSXAiOiIxOTIuMC4yLjAvMjQifX19XX0_";

    /// <summary>Made for these tests only (openssl genrsa 2048); it signs nothing anywhere else.</summary>
    internal const string TestOnlyKey = """
-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC4TTiU/0ZNrSwB
QHodeDiJrvJngmyD8+ujtlatqLKobc4LEKbS9c+u2mFszJ/J/cAMJtaXFdjTKqya
3D+7N9KBKUd2NQsi/WHOvCh3TNgQbKXmwr3aXS5n4wNqGYS/3GoPc96S0mHhOYDQ
+OEONELwbkil4XQz9GcYZoeOX2e14oJ/WFTnhwc4i0HnVxQpNePdz4ylQEs0cdY4
iDNcjWz3eEh9+JWe5mcAVJFxD3qVyUx/frRzX8x4a6nKXx3ECQnNE7yprlUWgw6j
mAbrvAwABk6hRFEwNNes/Q1eDf+iJ4K94IGu2HuPtPnEW3CDxo8vhcZJNjnWj87D
HwueEHz7AgMBAAECggEAR6OIm24Q40+te70W2o6pF2fABNkvGil9znCph6475/lq
rmVmGzl+ZX6wgQyXDfqLJI4SOr88vXRojHeRdFISCq/DfeDHd+3bD3OXHSxrDhNV
d3n6Nz+iMrKM2Libn8JrHZ+SBCsv7c6e0lvzi0RoQrHznjshIrLdQiBUj9Ro6Us+
Rffrx1RTAJy3IjMT5hhSPAx8xFfYx4w1FectpGQynpE+eSHngk0ToygpreNq84XT
TIJbeGT+H6GOWH6Plk9qfMa8EJfBrxL3S9D38jN48QNyVMxwXhlusI0cTJXA5/Mw
ycMkTNkfTkl7XLaDugiUit7r7KwfFOAKRQIXUPPhHQKBgQDZi5saQtXlsUTTYvZK
xG8T4/F1Ghp2usWI6zjS6BBMxZwuI1XjQAwD7ABrbXIDs3h1iCzNHnN04r5st8Cu
U19xLGyie8XxeL/4d1Syz47UURHqFnaBlANpJmOt87wdD7AxB/SvsbA4uvbsjKmP
GAJJrzCQ33i3sMPk3UneAqNudQKBgQDY4UREw/RDAhhVUHyP1vv60T8GJRs8oH5V
1Sxo75gIVcwdOW8aN7H8DU+xe3oK1whfCOjb33933JZpcdtRZivIDFA1Nq1z0ojF
o+lzR/txK53uMIYOu/SvoU6aSC1NAHlzxzJR/Io+r8X1eq86aB7o+mv2VTbUoxbs
yVWcCb6vrwKBgQCRiys7yJdeUtkfK8hngUBnaEs08z/dS1u5HNYplITDODojTBS8
My9WuGAXf2OWQk5HI9IFcWgBPWn1RoKsnq7uArCzjGeEBCs7SmrqLp76QTrhCCJE
0wftI3fw+25RaxuP0ijMGu8xJTTqUblnOMLfFUxCwJ/9FVAaIEq5M76vuQKBgC/V
Du9zoE2fCqrWQ4Kd0ZkxyQqb6HPombRofZDvNsKv2YKghiZsHi8O6IKmTvZREqGT
H3hOxJg06F99IvfC5ukJ/i6eTob66ftc+UHZoFUHX5+GyCo7ve12UBWq0YLoFeE5
D5oRbpQAxFItqrPg/uA3StRbWupuxcGXbfAqHgo1AoGABAPke0/oTcSEDGRsdGHy
5jF4fwEIBTsye10h5t8i3fUqhlXDg4/s885TCgMv23Ozh6AXDv9k0+uFS+kvpI3s
MenLiUU5In6NkeJlaoMrSQFq3aRl5t/uahHImck2H4L5T4JH5ktDRwgkUNa5CLRA
1NQbKczaWFkV1YyofV7EOaM=
-----END PRIVATE KEY-----
""";

    internal static readonly DateTimeOffset Expires = DateTimeOffset.FromUnixTimeSeconds(1767225600);
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1767222000);

    private readonly RSA _key = RsaFromPem(TestOnlyKey);

    public void Dispose() => _key.Dispose();

    [Fact]
    public void A_canned_policy_is_the_documented_minified_statement()
    {
        Assert.Equal(CannedJson, CloudFrontPolicy.Canned(Master, Expires).ToJson());
    }

    [Fact]
    public void A_custom_policy_lists_its_conditions_in_the_documented_order()
    {
        var policy = new CloudFrontPolicy("https://d111111abcdef8.cloudfront.net/hls/lecture-1/*", Expires, Start, "192.0.2.0/24");

        Assert.Equal(CustomJson, policy.ToJson());
    }

    [Fact]
    public void A_canned_signed_url_carries_expires_signature_and_key_pair_id()
    {
        var url = new CloudFrontSigner(_key, "K2JCJMDEHXQW5F").SignUrl(Master, Expires);

        Assert.Equal($"{Master}?Expires=1767225600&Signature={CannedSha1}&Key-Pair-Id=K2JCJMDEHXQW5F", url);
    }

    [Fact]
    public void Sha256_signatures_say_so_with_hash_algorithm()
    {
        var url = new CloudFrontSigner(_key, "K2JCJMDEHXQW5F", CloudFrontHash.Sha256).SignUrl(Master + "?v=2", Expires);

        Assert.StartsWith(Master + "?v=2&Expires=1767225600&Signature=", url, StringComparison.Ordinal);
        Assert.EndsWith("&Key-Pair-Id=K2JCJMDEHXQW5F&Hash-Algorithm=SHA256", url, StringComparison.Ordinal);
        Assert.Equal(CannedSha256, new CloudFrontSigner(_key, "K", CloudFrontHash.Sha256).Sign(CannedJson));
    }

    [Fact]
    public void A_custom_policy_signs_to_openssls_bytes_as_query_and_as_cookies()
    {
        var signed = new CloudFrontSigner(_key, "K2JCJMDEHXQW5F").SignPolicy(
            new CloudFrontPolicy("https://d111111abcdef8.cloudfront.net/hls/lecture-1/*", Expires, Start, "192.0.2.0/24"));

        Assert.Equal((CustomPolicyBase64, CustomSha1), (signed.Policy, signed.Signature));
        Assert.Equal($"Policy={CustomPolicyBase64}&Signature={CustomSha1}&Key-Pair-Id=K2JCJMDEHXQW5F", signed.QueryString);
        Assert.Equal(
            new Dictionary<string, string> { ["CloudFront-Policy"] = CustomPolicyBase64, ["CloudFront-Signature"] = CustomSha1, ["CloudFront-Key-Pair-Id"] = "K2JCJMDEHXQW5F" },
            signed.Cookies);
    }

    [Fact]
    public void Signatures_verify_with_the_public_key()
    {
        using var publicKey = RSA.Create(_key.ExportParameters(includePrivateParameters: false));
        var signature = new CloudFrontSigner(_key, "K").Sign(CustomJson);

        Assert.True(CloudFrontBase64.TryDecode(signature, out var bytes));
        Assert.True(publicKey.VerifyData(Encoding.UTF8.GetBytes(CustomJson), bytes, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
        Assert.False(publicKey.VerifyData(Encoding.UTF8.GetBytes(CannedJson), bytes, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Cloudfront_base64_swaps_the_three_unsafe_characters()
    {
        byte[] bytes = [0xfb, 0xff, 0xbf, 0xfe]; // standard base64 "+/+//g==" uses all three

        Assert.Equal("-~-~~g__", CloudFrontBase64.Encode(bytes));
        Assert.True(CloudFrontBase64.TryDecode("-~-~~g__", out var back));
        Assert.Equal(bytes, back);
        Assert.False(CloudFrontBase64.TryDecode("not base64!", out _));
    }

    [Theory]
    [InlineData("https://cdn.example/hls/l1/*", "https://cdn.example/hls/l1/720p/seg-001.m4s", true)]
    [InlineData("https://cdn.example/hls/l1/*", "https://cdn.example/hls/l2/720p/seg-001.m4s", false)]
    [InlineData("https://cdn.example/hls/l1/*", "https://cdn.example/hls/l1", false)]
    [InlineData("http*://cdn.example/hls/l1/*", "http://cdn.example/hls/l1/master.m3u8", true)]
    [InlineData("https://cdn.example/hls/l?/master.m3u8", "https://cdn.example/hls/l1/master.m3u8", true)]
    [InlineData("https://cdn.example/hls/l?/master.m3u8", "https://cdn.example/hls/l12/master.m3u8", false)]
    [InlineData("https://cdn.example/*/master.m3u8", "https://cdn.example/a/b/master.m3u8", true)]
    public void Resources_match_with_cloudfronts_wildcards(string resource, string url, bool covered)
    {
        Assert.Equal(covered, new CloudFrontPolicy(resource, Expires).Covers(url));
    }

    [Fact]
    public void Resources_that_json_would_escape_are_refused_rather_than_signed_differently()
    {
        Assert.Throws<ArgumentException>(() => CloudFrontPolicy.Canned("https://cdn.example/강의/master.m3u8", Expires).ToJson());
        Assert.Throws<ArgumentException>(() => CloudFrontPolicy.Canned("https://cdn.example/\"x\"", Expires).ToJson());
    }

    [Fact]
    public void A_policy_reads_back_from_its_json_with_or_without_whitespace()
    {
        var spaced = Encoding.UTF8.GetBytes(CustomJson.Replace(",", ",\n  ", StringComparison.Ordinal));

        Assert.Equal(new CloudFrontPolicy("https://d111111abcdef8.cloudfront.net/hls/lecture-1/*", Expires, Start, "192.0.2.0/24"), CloudFrontPolicy.TryParse(spaced));
        Assert.Null(CloudFrontPolicy.TryParse("{\"Statement\":[]}"u8));
        Assert.Null(CloudFrontPolicy.TryParse("not json"u8));
    }

    [Fact]
    public void Source_ranges_admit_only_their_addresses()
    {
        var policy = new CloudFrontPolicy("*", Expires, SourceIp: "192.0.2.0/24");

        Assert.True(policy.AllowsAddress(IPAddress.Parse("192.0.2.77")));
        Assert.True(policy.AllowsAddress(IPAddress.Parse("::ffff:192.0.2.77")));
        Assert.False(policy.AllowsAddress(IPAddress.Parse("198.51.100.1")));
        Assert.False(policy.AllowsAddress(null));
        Assert.True(new CloudFrontPolicy("*", Expires).AllowsAddress(null));
    }

    internal static RSA RsaFromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }
}
