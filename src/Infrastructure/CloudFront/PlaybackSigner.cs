using LectureHub.Application.Media;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.CloudFront;

/// <summary>
/// Signs a custom policy over a video's whole HLS folder (<c>…/hls/{id}/*</c>), so one set of credentials covers the
/// master playlist, every variant, segment and subtitle. Expiry times are rounded up to a window
/// (<c>CloudFront:ExpiryWindowMinutes</c>), so everyone watching one video within a window gets the same policy, and
/// its signature (with the grant around it) is made once and kept until it expires: an RSA signature costs about a
/// millisecond of CPU, a cache hit nothing. Sharing is safe because a signature names no viewer anyway: the check that matters (enrolled, owner,
/// Admin, preview) runs before any credentials are handed out, and a leaked URL works for anyone until it expires,
/// shared or not. Rounding lengthens a grant by at most one window.
/// </summary>
internal sealed class PlaybackSigner(CloudFrontSigner signer, IMemoryCache cache, IOptions<CloudFrontOptions> options, TimeProvider clock) : IPlaybackSigner
{
    public PlaybackGrant Sign(string masterPlaylistPath, TimeSpan lifetime, string requestBaseUrl)
    {
        var cdn = options.Value;
        var root = cdn.DistributionUrl.Length > 0 ? cdn.DistributionUrl.TrimEnd('/') : requestBaseUrl.TrimEnd('/') + "/cdn";
        var folder = masterPlaylistPath[..(masterPlaylistPath.LastIndexOf('/') + 1)];
        var capped = lifetime < TimeSpan.FromMinutes(cdn.MaxLifetimeMinutes) ? lifetime : TimeSpan.FromMinutes(cdn.MaxLifetimeMinutes);
        var window = TimeSpan.FromMinutes(cdn.ExpiryWindowMinutes).Ticks;
        var expiresAt = new DateTimeOffset((clock.GetUtcNow().Add(capped).UtcTicks + window - 1) / window * window, TimeSpan.Zero);

        // The whole grant is the same for everyone in the window: build it (and sign its policy) once.
        return cache.GetOrCreate(("playback-grant", root, masterPlaylistPath, expiresAt), entry =>
        {
            entry.AbsoluteExpiration = expiresAt;
            entry.Size = 1;
            var signed = signer.SignPolicy(new CloudFrontPolicy($"{root}/{folder}*", expiresAt));
            var cookiePath = new Uri($"{root}/{folder}").AbsolutePath;
            var domain = cdn.CookieDomain.Length > 0 ? cdn.CookieDomain : null;
            var master = $"{root}/{masterPlaylistPath}";
            return new PlaybackGrant(master, $"{master}?{signed.QueryString}", signed.QueryString,
                signed.Cookies.Select(c => new PlaybackCookie(c.Key, c.Value, cookiePath, domain)).ToList(), expiresAt);
        })!;
    }
}
