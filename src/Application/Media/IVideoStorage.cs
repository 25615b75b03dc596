namespace LectureHub.Application.Media;

/// <summary>How a client sends an upload's bytes: in chunks to this API, or in one presigned PUT to object storage.</summary>
public sealed record UploadTarget(string Method, string Url, DateTimeOffset? ExpiresAt, long? MaxChunkBytes);

/// <summary>
/// Where source videos and their HLS renditions live. One interface for both backends: the local disk (the default;
/// chunked uploads through <see cref="AppendAsync"/>) and S3 (a presigned PUT straight to the bucket).
/// </summary>
public interface IVideoStorage
{
    /// <summary>False when clients send the bytes straight to storage (S3), so chunks sent to the API are refused.</summary>
    bool AcceptsChunks { get; }

    /// <summary>Where the client sends the bytes of the upload with this id and storage key.</summary>
    UploadTarget UploadTarget(Guid uploadId, string key, long sizeBytes);

    /// <summary>How many bytes storage holds under the key (0 when nothing arrived yet).</summary>
    Task<long> LengthAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Appends at most <paramref name="length"/> bytes of a chunk that must start where the stored bytes end, and
    /// returns the new length (less than offset + length when the client stopped sending). Throws
    /// <see cref="UploadOffsetException"/> when it does not, or when another request is appending to the same key.
    /// </summary>
    Task<long> AppendAsync(string key, long offset, Stream chunk, long length, CancellationToken cancellationToken);

    /// <summary>A local file holding the object, for ffprobe and ffmpeg.</summary>
    Task<string> LocalPathAsync(string key, CancellationToken cancellationToken);

    /// <summary>The encodes are done: drop a downloaded copy made by <see cref="LocalPathAsync"/> (the object itself stays).</summary>
    Task ReleaseLocalCopyAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A chunk that does not continue the stored bytes; <see cref="StoredBytes"/> is where the next must start.</summary>
public sealed class UploadOffsetException(long storedBytes, string message) : Exception(message)
{
    public long StoredBytes { get; } = storedBytes;
}

/// <summary>What ffprobe found in a file: its first video stream and the container's duration.</summary>
public sealed record MediaInfo(double DurationSeconds, int Width, int Height, bool HasAudio);

public interface IMediaProbe
{
    /// <summary>The file's video facts, or null when it holds no decodable video stream.</summary>
    Task<MediaInfo?> ProbeAsync(string path, CancellationToken cancellationToken);
}

/// <summary>A WebVTT track to list in a master playlist's SUBTITLES group.</summary>
public sealed record SubtitleTrack(string Language, string Label, string Content);

/// <summary>
/// Writes what a player reads first: the master playlist over the encoded renditions and the lecture's subtitle
/// tracks, and a poster image (once). Written again whenever the subtitles change.
/// </summary>
public interface IHlsPackager
{
    /// <summary>Returns the master playlist's path under the CDN root (hls/{videoId}/master.m3u8).</summary>
    Task<string> WriteMasterAsync(
        Guid videoId, string sourceKey, double durationSeconds, IReadOnlyList<int> heights, IReadOnlyList<SubtitleTrack> subtitles, CancellationToken cancellationToken);
}
