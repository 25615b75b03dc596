using LectureHub.Application.Media;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Media;

/// <summary>
/// Video storage on the local disk under the media root's <c>videos</c> folder (a shared volume when several instances
/// run). Uploads arrive in chunks through the API; each chunk is flushed to disk before it is acknowledged.
/// </summary>
internal sealed class LocalVideoStorage(IOptions<MediaOptions> options) : IVideoStorage
{
    /// <summary>Chunks up to this size are accepted; the endpoint's body limit matches it.</summary>
    public const long MaxChunkBytes = 64L * 1024 * 1024;

    private string Root => Path.Combine(options.Value.Root, "videos");

    public bool AcceptsChunks => true;

    public UploadTarget UploadTarget(Guid uploadId, string key, long sizeBytes) => new("PUT", $"/api/v1/video-uploads/{uploadId}", null, MaxChunkBytes);

    public Task<long> LengthAsync(string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? file.Length : 0);
    }

    public async Task<long> AppendAsync(string key, long offset, Stream chunk, long length, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream file;
        try
        {
            // FileShare.None takes an exclusive lock (flock on Linux): two requests for one upload cannot interleave.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new UploadOffsetException(new FileInfo(path).Length, "Another request is writing this upload.");
        }

        await using (file)
        {
            if (file.Length != offset)
            {
                throw new UploadOffsetException(file.Length, $"The upload holds {file.Length} bytes, but the chunk starts at byte {offset}.");
            }

            file.Seek(0, SeekOrigin.End);
            var buffer = new byte[1 << 16];
            for (var left = length; left > 0;)
            {
                var read = await chunk.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                left -= read;
            }

            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
            return file.Length;
        }
    }

    public Task<string> LocalPathAsync(string key, CancellationToken cancellationToken) => Task.FromResult(PathOf(key));

    /// <summary>The source itself is the local file: nothing to drop.</summary>
    public Task ReleaseLocalCopyAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;

    private string PathOf(string key) =>
        key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key)
            ? throw new ArgumentException($"Invalid storage key '{key}'.", nameof(key))
            : Path.Combine(Root, key);
}
