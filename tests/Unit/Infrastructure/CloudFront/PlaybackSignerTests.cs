using System.Security.Cryptography;
using LectureHub.Infrastructure.CloudFront;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using LectureHub.UnitTests.Support;

namespace LectureHub.UnitTests.Infrastructure.CloudFront;

public sealed class PlaybackSignerTests : IDisposable
{
    private readonly RSA _key = CloudFrontSignerTests.RsaFromPem(CloudFrontSignerTests.TestOnlyKey);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 23, 10, 1, 30, TimeSpan.Zero));

    public void Dispose()
    {
        _key.Dispose();
        _cache.Dispose();
    }

    [Fact]
    public void Expiry_is_rounded_up_to_the_window_so_viewers_in_it_share_one_signature()
    {
        var signer = Signer(new CloudFrontOptions());

        var first = signer.Sign("hls/abc/master.m3u8", TimeSpan.FromMinutes(40), "http://127.0.0.1:5080");
        _clock.Advance(TimeSpan.FromMinutes(2));
        var second = signer.Sign("hls/abc/master.m3u8", TimeSpan.FromMinutes(40), "http://127.0.0.1:5080");
        _clock.Advance(TimeSpan.FromMinutes(3));
        var later = signer.Sign("hls/abc/master.m3u8", TimeSpan.FromMinutes(40), "http://127.0.0.1:5080");

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 45, 0, TimeSpan.Zero), first.ExpiresAt);
        Assert.Equal(first.Query, second.Query);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 50, 0, TimeSpan.Zero), later.ExpiresAt);
        Assert.NotEqual(first.Query, later.Query);
    }

    [Fact]
    public void Grants_are_capped_and_name_the_videos_folder_on_the_distribution()
    {
        var signer = Signer(new CloudFrontOptions { DistributionUrl = "https://d111111abcdef8.cloudfront.net/", MaxLifetimeMinutes = 60, CookieDomain = ".lecturehub.kr" });

        var grant = signer.Sign("hls/abc/master.m3u8", TimeSpan.FromHours(5), "http://ignored");

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 5, 0, TimeSpan.Zero), grant.ExpiresAt);
        Assert.Equal("https://d111111abcdef8.cloudfront.net/hls/abc/master.m3u8", grant.MasterUrl);
        Assert.Equal(grant.MasterUrl + "?" + grant.Query, grant.SignedMasterUrl);
        var policy = CloudFrontPolicy.TryParse(CloudFrontBase64.TryDecode(grant.Cookies.Single(c => c.Name == "CloudFront-Policy").Value, out var json) ? json : []);
        Assert.Equal("https://d111111abcdef8.cloudfront.net/hls/abc/*", policy!.Resource);
        Assert.All(grant.Cookies, c => Assert.Equal(("/hls/abc/", ".lecturehub.kr"), (c.Path, c.Domain)));
    }

    private PlaybackSigner Signer(CloudFrontOptions options) =>
        new(new CloudFrontSigner(_key, "K1"), _cache, Options.Create(options), _clock);
}
