namespace LectureHub.Application.Media;

/// <summary>One CloudFront cookie, as the client must set it (or as the API's Set-Cookie sets it for browsers).</summary>
public sealed record PlaybackCookie(string Name, string Value, string Path, string? Domain);

/// <summary>
/// Credentials for one video's HLS folder: the master playlist URL, the same credentials as query parameters (for
/// players that cannot send cookies; <see cref="SignedMasterUrl"/> is ready to hand to them) and as cookies.
/// </summary>
public sealed record PlaybackGrant(string MasterUrl, string SignedMasterUrl, string Query, IReadOnlyList<PlaybackCookie> Cookies, DateTimeOffset ExpiresAt);

/// <summary>Signs playback credentials for a video's HLS folder (CloudFront, or the API's own signed CDN).</summary>
public interface IPlaybackSigner
{
    /// <param name="masterPlaylistPath">hls/{videoId}/master.m3u8, under the CDN root.</param>
    /// <param name="lifetime">How long the viewer needs (the lecture's length plus a margin); capped and rounded up.</param>
    /// <param name="requestBaseUrl">This API's own scheme and host, used when the local CDN serves the stream.</param>
    PlaybackGrant Sign(string masterPlaylistPath, TimeSpan lifetime, string requestBaseUrl);
}
