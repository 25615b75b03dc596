using System.Net;
using System.Net.Http.Json;
using LectureHub.Infrastructure.CloudFront;
using LectureHub.Infrastructure.Media;
using LectureHub.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LectureHub.IntegrationTests.Media;

/// <summary>The API on a real socket, so ffmpeg can play from it as an HLS client would.</summary>
public sealed class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory() => UseKestrel(0);

    /// <summary>No metrics listener: a real socket there would collide with the next Kestrel-hosted API's.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Observability:MetricsUrl"] = "" };

    public string BaseUrl
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        }
    }
}

/// <summary>
/// The embedded signed CDN enforces CloudFront's rules on a real HLS stream made by ffmpeg at test time: ffmpeg
/// itself downloads the whole stream through a signed URL; tampered or expired credentials get 403.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LocalCdnTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>, IDisposable
{
    private readonly string _id = Guid.NewGuid().ToString();
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(factory.BaseUrl) };

    private string Directory => Path.Combine(factory.Service<IOptions<MediaOptions>>().Value.Root, "cdn", "hls", _id);

    private string Prefix => $"{factory.BaseUrl}/cdn/hls/{_id}/";

    public void Dispose()
    {
        _http.Dispose();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    [Fact]
    public void Ffmpeg_plays_the_whole_stream_through_a_signed_url()
    {
        MakeStream();
        var url = Prefix + "master.m3u8?" + Sign(TimeSpan.FromMinutes(10)).QueryString;
        var copy = Path.Combine(Directory, "played.mp4");

        Tools.Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", url, "-c", "copy", "-y", copy);

        var seconds = double.Parse(Tools.Run("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", copy).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 5.5, 6.5);
    }

    [Fact]
    public async Task Playlists_fetched_with_a_signed_url_carry_its_credentials_on_every_uri()
    {
        MakeStream();
        var credentials = Sign(TimeSpan.FromMinutes(10)).QueryString;

        var master = await _http.GetAsync($"/cdn/hls/{_id}/master.m3u8?{credentials}");
        var variant = await _http.GetStringAsync($"/cdn/hls/{_id}/index.m3u8?{credentials}");

        Assert.Equal("application/vnd.apple.mpegurl", master.Content.Headers.ContentType?.MediaType);
        Assert.Contains("index.m3u8?" + credentials, await master.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("#EXT-X-MAP:URI=\"init.mp4?" + credentials + "\"", variant, StringComparison.Ordinal);
        var segments = variant.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
        Assert.Equal(3, segments.Count);
        Assert.All(segments, s => Assert.EndsWith(".m4s?" + credentials, s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tampered_expired_foreign_or_missing_credentials_get_403_with_a_code()
    {
        MakeStream();
        var good = Sign(TimeSpan.FromMinutes(10));
        var tampered = good with { Signature = (good.Signature[0] == 'A' ? "B" : "A") + good.Signature[1..] };
        var expired = Sign(TimeSpan.FromMinutes(-1));
        var otherLecture = factory.Service<CloudFrontSigner>().SignPolicy(new CloudFrontPolicy($"{factory.BaseUrl}/cdn/hls/other/*", DateTimeOffset.UtcNow.AddMinutes(10)));

        await AssertRefused($"master.m3u8?{tampered.QueryString}", "CDN_SIGNATURE_INVALID");
        await AssertRefused($"master.m3u8?{expired.QueryString}", "CDN_CREDENTIALS_EXPIRED");
        await AssertRefused($"master.m3u8?{otherLecture.QueryString}", "CDN_RESOURCE_NOT_COVERED");
        await AssertRefused("master.m3u8", "CDN_CREDENTIALS_MISSING");
        Assert.NotEqual(0, Tools.Try("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", Prefix + "master.m3u8?" + tampered.QueryString, "-f", "null", "-").ExitCode);
    }

    [Fact]
    public async Task Signed_cookies_admit_segments_and_range_requests_work()
    {
        MakeStream();
        var cookies = string.Join("; ", Sign(TimeSpan.FromMinutes(10)).Cookies.Select(c => $"{c.Key}={c.Value}"));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/cdn/hls/{_id}/init.mp4");
        request.Headers.Add("Cookie", cookies);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_page_on_an_allowed_origin_can_read_the_playlists_and_a_foreign_one_cannot()
    {
        MakeStream();
        var credentials = Sign(TimeSpan.FromMinutes(10)).QueryString;

        // What hls.js does from a page on another origin: a CORS GET for the master playlist.
        var allowed = new HttpRequestMessage(HttpMethod.Get, $"/cdn/hls/{_id}/master.m3u8?{credentials}") { Headers = { { "Origin", "http://localhost:5173" } } };
        using var served = await _http.SendAsync(allowed);
        var foreign = new HttpRequestMessage(HttpMethod.Get, $"/cdn/hls/{_id}/master.m3u8?{credentials}") { Headers = { { "Origin", "https://evil.example" } } };
        using var refused = await _http.SendAsync(foreign);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("http://localhost:5173", served.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", served.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private async Task AssertRefused(string file, string code)
    {
        using var response = await _http.GetAsync($"/cdn/hls/{_id}/{file}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal(code, problem!["code"].ToString());
    }

    private SignedPolicy Sign(TimeSpan lifetime) =>
        factory.Service<CloudFrontSigner>().SignPolicy(new CloudFrontPolicy(Prefix + "*", DateTimeOffset.UtcNow.Add(lifetime)));

    /// <summary>A 6 s HLS VOD (2 s fMP4 segments, H.264/AAC) from ffmpeg's lavfi test sources.</summary>
    private void MakeStream()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Tools.Run("ffmpeg", "-hide_banner", "-loglevel", "error",
            "-f", "lavfi", "-i", "testsrc=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "6",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-c:a", "aac", "-b:a", "64k",
            "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
            "-hls_fmp4_init_filename", "init.mp4", "-hls_segment_filename", Path.Combine(Directory, "seg-%03d.m4s"),
            "-master_pl_name", "master.m3u8", Path.Combine(Directory, "index.m3u8"));
    }
}
