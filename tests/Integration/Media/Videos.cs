using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using LectureHub.Infrastructure.Media;
using LectureHub.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Media;

public sealed record UploadTarget(string Method, string Url, DateTimeOffset? ExpiresAt, long? MaxChunkBytes);

public sealed record Rendition(int Height, string Status, int ProgressPercent, int Attempts, string? Error);

public sealed record VideoUpload(
    Guid Id, Guid LectureId, string FileName, long SizeBytes, long ReceivedBytes, string Status, int ProgressPercent, string? ErrorCode, string? Error,
    double? DurationSeconds, int? Width, int? Height, List<Rendition> Renditions, UploadTarget? Upload);

/// <summary>Video steps for tests: clips made by ffmpeg at test time (nothing binary in the repository), and uploads.</summary>
public static class Videos
{
    /// <summary>A lavfi test clip with a tone; noise makes the encoder spend bits as real footage would.</summary>
    public static async Task<byte[]> ClipAsync(string folder, int width, int height, int seconds, bool noise = false)
    {
        var path = Path.Combine(folder, $"{width}x{height}-{seconds}s-{Guid.NewGuid():N}.mp4");
        Tools.Run("ffmpeg", "-hide_banner", "-loglevel", "error",
            "-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate=25" + (noise ? ",noise=alls=40:allf=t+u" : ""),
            "-f", "lavfi", "-i", "sine=frequency=440", "-t", seconds.ToString(CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-y", path);
        return await File.ReadAllBytesAsync(path);
    }

    public static async Task<VideoUpload> StartUploadAsync(this HttpClient client, Tokens instructor, Guid lecture, long size, string fileName = "lecture.mp4") =>
        await (await client.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/video-uploads", instructor, new { fileName, sizeBytes = size }))
            .ReadAsync<VideoUpload>(HttpStatusCode.Created);

    /// <summary>Sends bytes [from, to) of the file with the matching Content-Range.</summary>
    public static Task<HttpResponseMessage> PutChunkAsync(this HttpClient client, Tokens user, Guid upload, byte[] file, long from, long to)
    {
        var request = Api.Request(HttpMethod.Put, $"/api/v1/video-uploads/{upload}", user);
        request.Content = new ByteArrayContent(file, (int)from, (int)(to - from));
        request.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, to - 1, file.Length);
        return client.SendAsync(request);
    }

    /// <summary>Uploads the whole file in one chunk; the upload's state afterwards (Queued for a video).</summary>
    public static async Task<VideoUpload> UploadAsync(this HttpClient client, Tokens instructor, Guid lecture, byte[] file)
    {
        var upload = await client.StartUploadAsync(instructor, lecture, file.Length);
        return await (await client.PutChunkAsync(instructor, upload.Id, file, 0, file.Length)).ReadAsync<VideoUpload>();
    }

    /// <summary>Uploads a test clip for the lecture and runs the transcoder until no job is left: the lecture plays it.</summary>
    public static async Task TranscodedAsync(this HttpClient client, IServiceProvider services, Tokens instructor, Guid lecture, string folder, int seconds = 4)
    {
        await client.UploadAsync(instructor, lecture, await ClipAsync(folder, 640, 360, seconds));
        var worker = ActivatorUtilities.CreateInstance<TranscodeWorker>(services);
        while (await worker.RunOneAsync(CancellationToken.None))
        {
        }
    }

    public static async Task<VideoUpload> UploadStateAsync(this HttpClient client, Tokens user, Guid upload) =>
        await (await client.SendAsync(HttpMethod.Get, $"/api/v1/video-uploads/{upload}", user)).ReadAsync<VideoUpload>();
}
