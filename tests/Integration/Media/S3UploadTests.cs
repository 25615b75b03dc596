using System.Net;
using LectureHub.Infrastructure.Media;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Media;

/// <summary>
/// The API with <c>Media:VideoStorage=S3</c>, against the S3-compatible server scripts/dev-services.sh runs (s3rver):
/// the client PUTs the file to the presigned URL, completes the upload, and the transcoder reads the source back from
/// the bucket.
/// </summary>
public sealed class S3ApiFactory : ApiFactory
{
    public static string Endpoint { get; } = "http://127.0.0.1:" + (Environment.GetEnvironmentVariable("LH_S3_PORT") is { Length: > 0 } port ? port : "59000");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Media:VideoStorage"] = "S3",
        ["S3:ServiceUrl"] = Endpoint,
        ["S3:ForcePathStyle"] = "true",
        ["S3:Bucket"] = "lecturehub-videos",
        ["S3:AccessKey"] = "S3RVER",
        ["S3:SecretKey"] = "S3RVER",
        ["S3:PresignMinutes"] = "10",
    };
}

[Collection(ApiCollection.Name)]
public sealed class S3UploadTests(S3ApiFactory factory) : IClassFixture<S3ApiFactory>, IAsyncLifetime, IDisposable
{
    private readonly HttpClient _api = factory.CreateClient();
    private readonly HttpClient _s3 = new();
    private readonly string _work = Directory.CreateTempSubdirectory("lh-s3-").FullName;

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _api.Dispose();
        _s3.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task A_video_put_to_its_presigned_url_is_completed_checked_and_transcoded_from_the_bucket()
    {
        var instructor = await _api.SignUpAsync("instructor@lecturehub.test", "Instructor");
        var course = await _api.FreeCourseAsync(instructor, await factory.WeldingCategoryAsync(), 1);
        var lecture = course.Curriculum[0].Lectures[0].Id;
        var bytes = await Videos.ClipAsync(_work, 640, 360, seconds: 2);

        var upload = await _api.StartUploadAsync(instructor, lecture, bytes.Length);
        var target = upload.Upload!;
        Assert.Equal("PUT", target.Method);
        Assert.StartsWith($"{S3ApiFactory.Endpoint}/lecturehub-videos/sources/{upload.Id}?", target.Url, StringComparison.Ordinal);
        // SigV4 query authentication for this key alone, valid for S3:PresignMinutes (s3rver does not check signatures,
        // so the signature itself is the AWS SDK's; this checks what was asked of it).
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(target.Url).Query);
        Assert.Equal(("AWS4-HMAC-SHA256", "600", "host"), (query["X-Amz-Algorithm"], query["X-Amz-Expires"], query["X-Amz-SignedHeaders"]));
        Assert.StartsWith("S3RVER/", query["X-Amz-Credential"], StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", query["X-Amz-Signature"]);
        Assert.InRange(target.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddMinutes(9), DateTimeOffset.UtcNow.AddMinutes(11));

        // Chunks to the API are refused, and completing before the file is in the bucket says how much is there.
        await (await _api.PutChunkAsync(instructor, upload.Id, bytes, 0, bytes.Length)).ProblemAsync(HttpStatusCode.Conflict, "UPLOAD_GOES_TO_STORAGE");
        await (await _api.SendAsync(HttpMethod.Post, $"/api/v1/video-uploads/{upload.Id}/complete", instructor)).ProblemAsync(HttpStatusCode.Conflict, "UPLOAD_INCOMPLETE");

        using (var put = await _s3.PutAsync(target.Url, new ByteArrayContent(bytes)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal(bytes.Length, (await _api.UploadStateAsync(instructor, upload.Id)).ReceivedBytes);
        var done = await (await _api.SendAsync(HttpMethod.Post, $"/api/v1/video-uploads/{upload.Id}/complete", instructor)).ReadAsync<VideoUpload>();
        Assert.Equal(("Queued", 640, 360), (done.Status, done.Width!.Value, done.Height!.Value));
        var again = await (await _api.SendAsync(HttpMethod.Post, $"/api/v1/video-uploads/{upload.Id}/complete", instructor)).ReadAsync<VideoUpload>();
        Assert.Equal("Queued", again.Status);

        var copy = Path.Combine(factory.Service<Microsoft.Extensions.Options.IOptions<MediaOptions>>().Value.Root, "s3-cache", "sources", upload.Id.ToString());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(copy));

        var worker = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<TranscodeWorker>(factory.Services);
        while (await worker.RunOneAsync(CancellationToken.None))
        {
        }

        Assert.Equal("Ready", (await _api.UploadStateAsync(instructor, upload.Id)).Status);

        // The downloaded copy ffprobe and ffmpeg read is dropped once the video is ready (after commit, from the outbox).
        await Api.EventuallyAsync(() => Task.FromResult(!File.Exists(copy)), "the source copy released");
    }
}
