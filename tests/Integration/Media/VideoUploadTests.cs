using System.Net;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Media;

/// <summary>Resumable uploads to local storage, checked by real ffprobe; the clips are made by ffmpeg at test time.</summary>
public sealed class VideoUploadTests(ApiFactory factory) : ApiTest(factory), IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("lh-upload-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_video_sent_in_chunks_is_checked_by_ffprobe_and_queued()
    {
        var (instructor, lecture) = await LectureAsync();
        var bytes = await Videos.ClipAsync(_work, 320, 180, seconds: 3);

        var upload = await Client.StartUploadAsync(instructor, lecture, bytes.Length);
        Assert.Equal(("Uploading", 0L, "PUT", $"/api/v1/video-uploads/{upload.Id}"), (upload.Status, upload.ReceivedBytes, upload.Upload!.Method, upload.Upload.Url));
        var third = bytes.Length / 3;
        var afterFirst = await (await Client.PutChunkAsync(instructor, upload.Id, bytes, 0, third)).ReadAsync<VideoUpload>();
        var afterSecond = await (await Client.PutChunkAsync(instructor, upload.Id, bytes, third, 2 * third)).ReadAsync<VideoUpload>();
        var done = await (await Client.PutChunkAsync(instructor, upload.Id, bytes, 2 * third, bytes.Length)).ReadAsync<VideoUpload>();

        Assert.Equal((third, 2L * third), (afterFirst.ReceivedBytes, afterSecond.ReceivedBytes));
        Assert.Equal(("Queued", (long)bytes.Length, 320, 180), (done.Status, done.ReceivedBytes, done.Width!.Value, done.Height!.Value));
        Assert.InRange(done.DurationSeconds!.Value, 2.9, 3.1);
        Assert.Null(done.Upload);
    }

    [Fact]
    public async Task After_a_lost_chunk_the_upload_resumes_from_what_storage_holds()
    {
        var (instructor, lecture) = await LectureAsync();
        var bytes = await Videos.ClipAsync(_work, 320, 180, seconds: 2);
        var upload = await Client.StartUploadAsync(instructor, lecture, bytes.Length);
        var half = bytes.Length / 2;
        await (await Client.PutChunkAsync(instructor, upload.Id, bytes, 0, half)).ReadAsync<VideoUpload>();

        // The client thinks the first chunk was lost and sends it again, then sends a chunk that skips ahead.
        await (await Client.PutChunkAsync(instructor, upload.Id, bytes, 0, half)).ProblemAsync(HttpStatusCode.Conflict, "UPLOAD_OFFSET_MISMATCH");
        await (await Client.PutChunkAsync(instructor, upload.Id, bytes, half + 10, bytes.Length)).ProblemAsync(HttpStatusCode.Conflict, "UPLOAD_OFFSET_MISMATCH");
        var state = await Client.UploadStateAsync(instructor, upload.Id);
        var done = await (await Client.PutChunkAsync(instructor, upload.Id, bytes, state.ReceivedBytes, bytes.Length)).ReadAsync<VideoUpload>();

        Assert.Equal(half, state.ReceivedBytes);
        Assert.Equal("Queued", done.Status);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(Factory.Service<Microsoft.Extensions.Options.IOptions<LectureHub.Infrastructure.Media.MediaOptions>>().Value.Root, "videos", "sources", upload.Id.ToString())));
    }

    [Fact]
    public async Task Concurrent_chunks_for_one_upload_never_interleave()
    {
        var (instructor, lecture) = await LectureAsync();
        var bytes = await Videos.ClipAsync(_work, 320, 180, seconds: 2);
        var upload = await Client.StartUploadAsync(instructor, lecture, bytes.Length);
        var half = bytes.Length / 2;

        // Eight clients send the same first chunk at once: one is stored, the rest are told where the upload stands.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.PutChunkAsync(instructor, upload.Id, bytes, 0, half)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var stored = Path.Combine(Factory.Service<Microsoft.Extensions.Options.IOptions<LectureHub.Infrastructure.Media.MediaOptions>>().Value.Root,
            "videos", "sources", upload.Id.ToString());
        Assert.Equal(bytes[..half], await File.ReadAllBytesAsync(stored));
        Assert.Equal(half, (await Client.UploadStateAsync(instructor, upload.Id)).ReceivedBytes);
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_fails_with_not_a_video()
    {
        var (instructor, lecture) = await LectureAsync();
        var still = Path.Combine(_work, "still.jpg");
        Tools.Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=320x180", "-frames:v", "1", "-y", still);
        var bytes = await File.ReadAllBytesAsync(still);

        var upload = await Client.StartUploadAsync(instructor, lecture, bytes.Length, "lecture.mp4");
        var done = await (await Client.PutChunkAsync(instructor, upload.Id, bytes, 0, bytes.Length)).ReadAsync<VideoUpload>();

        Assert.Equal(("Failed", "NOT_A_VIDEO"), (done.Status, done.ErrorCode));
        await (await Client.PutChunkAsync(instructor, upload.Id, bytes, 0, bytes.Length)).ProblemAsync(HttpStatusCode.Conflict, "UPLOAD_CLOSED");
    }

    [Fact]
    public async Task Bad_uploads_get_clear_problems()
    {
        var (instructor, lecture) = await LectureAsync();
        var stranger = await Client.SignUpAsync("other-instructor@lecturehub.test", "Instructor");
        var student = await Client.SignUpAsync("student@lecturehub.test");

        var tooBig = await Client.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/video-uploads", instructor, new { fileName = "a.mp4", sizeBytes = (4L << 30) + 1 });
        await tooBig.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{Guid.NewGuid()}/video-uploads", instructor, new { fileName = "a.mp4", sizeBytes = 10 }))
            .ProblemAsync(HttpStatusCode.NotFound, "LECTURE_NOT_FOUND");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/video-uploads", stranger, new { fileName = "a.mp4", sizeBytes = 10 }))
            .ProblemAsync(HttpStatusCode.Forbidden, "NOT_COURSE_OWNER");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/video-uploads", student, new { fileName = "a.mp4", sizeBytes = 10 }))
            .ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var upload = await Client.StartUploadAsync(instructor, lecture, 10);
        var noRange = Api.Request(HttpMethod.Put, $"/api/v1/video-uploads/{upload.Id}", instructor);
        noRange.Content = new ByteArrayContent(new byte[10]);
        await (await Client.SendAsync(noRange)).ProblemAsync(HttpStatusCode.BadRequest, "CONTENT_RANGE_INVALID");
        await (await Client.PutChunkAsync(instructor, upload.Id, new byte[20], 5, 20)).ProblemAsync(HttpStatusCode.BadRequest, "CONTENT_RANGE_INVALID");
        await (await Client.PutChunkAsync(stranger, upload.Id, new byte[10], 0, 10)).ProblemAsync(HttpStatusCode.NotFound, "VIDEO_UPLOAD_NOT_FOUND");
    }

    private async Task<(Tokens Instructor, Guid Lecture)> LectureAsync()
    {
        var instructor = await Client.SignUpAsync("instructor@lecturehub.test", "Instructor");
        var course = await Client.PublishedCourseAsync(instructor, await Factory.WeldingCategoryAsync());
        return (instructor, course.Curriculum[0].Lectures[0].Id);
    }
}
