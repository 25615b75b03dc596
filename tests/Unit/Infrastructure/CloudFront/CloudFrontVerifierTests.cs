using System.Net;
using System.Security.Cryptography;
using LectureHub.Infrastructure.CloudFront;

namespace LectureHub.UnitTests.Infrastructure.CloudFront;

/// <summary>The local CDN's checks, in CloudFront's order: credentials, key pair, signature, times, resource, address.</summary>
public sealed class CloudFrontVerifierTests : IDisposable
{
    private const string Prefix = "https://d111111abcdef8.cloudfront.net/hls/lecture-1/";
    private static readonly DateTimeOffset Now = CloudFrontSignerTests.Expires.AddHours(-1);

    private readonly RSA _key = CloudFrontSignerTests.RsaFromPem(CloudFrontSignerTests.TestOnlyKey);
    private readonly RSA _publicKey;
    private readonly CloudFrontVerifier _verifier;

    public CloudFrontVerifierTests()
    {
        _publicKey = RSA.Create(_key.ExportParameters(includePrivateParameters: false));
        _verifier = new CloudFrontVerifier(new Dictionary<string, RSA> { ["K1"] = _publicKey });
    }

    public void Dispose()
    {
        _key.Dispose();
        _publicKey.Dispose();
    }

    [Theory]
    [InlineData(CloudFrontHash.Sha1)]
    [InlineData(CloudFrontHash.Sha256)]
    public void A_custom_policy_admits_every_file_under_its_prefix_until_it_expires(CloudFrontHash hash)
    {
        var credentials = Custom(new CloudFrontPolicy(Prefix + "*", CloudFrontSignerTests.Expires), hash);

        Assert.Equal(CloudFrontDenial.None, _verifier.Check(Prefix + "720p/seg-00001.m4s", credentials, Now, null));
        Assert.Equal(CloudFrontDenial.ResourceMismatch, _verifier.Check(Prefix.Replace("lecture-1", "lecture-2", StringComparison.Ordinal) + "master.m3u8", credentials, Now, null));
        Assert.Equal(CloudFrontDenial.Expired, _verifier.Check(Prefix + "master.m3u8", credentials, CloudFrontSignerTests.Expires, null));
    }

    [Fact]
    public void A_canned_url_is_checked_against_the_policy_rebuilt_from_it()
    {
        var signed = new Uri(new CloudFrontSigner(_key, "K1").SignUrl(CloudFrontSignerTests.Master, CloudFrontSignerTests.Expires));
        var credentials = CloudFrontCredentials.FromQuery(Query(signed.Query));

        Assert.Equal(CloudFrontDenial.None, _verifier.Check(CloudFrontSignerTests.Master, credentials, Now, null));
        Assert.Equal(CloudFrontDenial.BadSignature, _verifier.Check(Prefix + "other.m3u8", credentials, Now, null));
        Assert.Equal(CloudFrontDenial.BadSignature, _verifier.Check(CloudFrontSignerTests.Master, credentials! with { Expires = "1767229200" }, Now, null));
    }

    [Fact]
    public void Tampered_unknown_or_missing_credentials_are_refused()
    {
        var good = Custom(new CloudFrontPolicy(Prefix + "*", CloudFrontSignerTests.Expires));
        var otherPolicy = Custom(new CloudFrontPolicy("*", CloudFrontSignerTests.Expires.AddDays(30)));

        Assert.Equal(CloudFrontDenial.BadSignature, _verifier.Check(Prefix + "master.m3u8", good with { Policy = otherPolicy.Policy }, Now, null));
        Assert.Equal(CloudFrontDenial.BadSignature, _verifier.Check(Prefix + "master.m3u8", good with { Signature = otherPolicy.Signature }, Now, null));
        Assert.Equal(CloudFrontDenial.UnknownKeyPair, _verifier.Check(Prefix + "master.m3u8", good with { KeyPairId = "K2" }, Now, null));
        Assert.Equal(CloudFrontDenial.Malformed, _verifier.Check(Prefix + "master.m3u8", good with { HashAlgorithm = "MD5" }, Now, null));
        Assert.Equal(CloudFrontDenial.Malformed, _verifier.Check(Prefix + "master.m3u8", good with { Policy = "%%%" }, Now, null));
        Assert.Equal(CloudFrontDenial.MissingCredentials, _verifier.Check(Prefix + "master.m3u8", null, Now, null));
        Assert.Equal(CloudFrontDenial.MissingCredentials, _verifier.Check(Prefix + "master.m3u8", good with { Signature = null }, Now, null));
    }

    [Fact]
    public void Start_times_and_source_ranges_are_enforced()
    {
        var credentials = Custom(new CloudFrontPolicy(Prefix + "*", CloudFrontSignerTests.Expires, Now.AddMinutes(5), "192.0.2.0/24"));

        Assert.Equal(CloudFrontDenial.NotYetValid, _verifier.Check(Prefix + "master.m3u8", credentials, Now, IPAddress.Parse("192.0.2.1")));
        Assert.Equal(CloudFrontDenial.AddressMismatch, _verifier.Check(Prefix + "master.m3u8", credentials, Now.AddMinutes(10), IPAddress.Parse("203.0.113.9")));
        Assert.Equal(CloudFrontDenial.None, _verifier.Check(Prefix + "master.m3u8", credentials, Now.AddMinutes(10), IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void Cookies_and_query_parameters_carry_the_same_credentials()
    {
        var signed = new CloudFrontSigner(_key, "K1", CloudFrontHash.Sha256).SignPolicy(new CloudFrontPolicy(Prefix + "*", CloudFrontSignerTests.Expires));

        var fromCookies = CloudFrontCredentials.FromCookies(name => signed.Cookies.GetValueOrDefault(name));
        var fromQuery = CloudFrontCredentials.FromQuery(Query("?" + signed.QueryString));

        Assert.Equal(fromQuery, fromCookies);
        Assert.Equal(CloudFrontDenial.None, _verifier.Check(Prefix + "master.m3u8", fromCookies, Now, null));
    }

    private CloudFrontCredentials Custom(CloudFrontPolicy policy, CloudFrontHash hash = CloudFrontHash.Sha1)
    {
        var signed = new CloudFrontSigner(_key, "K1", hash).SignPolicy(policy);
        return CloudFrontCredentials.FromQuery(Query("?" + signed.QueryString))!;
    }

    private static Func<string, string?> Query(string query)
    {
        var values = query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return name => values.GetValueOrDefault(name);
    }
}

public sealed class CloudFrontOptionsTests
{
    [Fact]
    public void Start_up_refuses_a_missing_or_unreadable_key_and_a_bad_distribution_url()
    {
        Assert.Equal(["CloudFront:KeyPairId and CloudFront:PrivateKeyPem are required outside development."], Errors(new CloudFrontOptions()));
        Assert.Equal(["CloudFront:PrivateKeyPem is not an RSA private key in PEM form."],
            Errors(new CloudFrontOptions { KeyPairId = "K1", PrivateKeyPem = "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----" }));
        Assert.Equal(["CloudFront:DistributionUrl must be an absolute http(s) URL."],
            Errors(new CloudFrontOptions { KeyPairId = "K1", PrivateKeyPem = CloudFrontSignerTests.TestOnlyKey, DistributionUrl = "cdn.example" }));
        Assert.Empty(Errors(new CloudFrontOptions { KeyPairId = "K1", PrivateKeyPem = CloudFrontSignerTests.TestOnlyKey, DistributionUrl = "https://d1.cloudfront.net" }));
    }

    private static List<string?> Errors(CloudFrontOptions options) =>
        options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage).ToList();
}
