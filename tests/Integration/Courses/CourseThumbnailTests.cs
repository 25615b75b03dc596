using System.Net;
using System.Net.Http.Headers;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Courses;

public sealed record Thumbnail(string Small, string Medium, string Large);

public sealed record DraftWithThumbnail(Guid Id, Thumbnail? Thumbnail);

/// <summary>Images are made by real ffmpeg at test time (lavfi test source); nothing binary lives in the repository.</summary>
public sealed class CourseThumbnailTests(ApiFactory factory) : ApiTest(factory), IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("lh-thumbs-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task An_uploaded_image_is_served_at_three_widths_with_immutable_cache_headers()
    {
        var (instructor, course) = await DraftAsync();
        var png = MakeImage("wide.png", 1600, 900);

        var draft = await (await UploadAsync(instructor, course, png, "image/png")).ReadAsync<DraftWithThumbnail>();

        Assert.NotNull(draft.Thumbnail);
        foreach (var (url, width) in new[] { (draft.Thumbnail.Small, 320), (draft.Thumbnail.Medium, 640), (draft.Thumbnail.Large, 1280) })
        {
            var file = await Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", file.Headers.CacheControl?.ToString());
            Assert.Equal(width, Width(await file.Content.ReadAsByteArrayAsync()));
        }

        var page = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/courses/{course}", instructor)).ReadAsync<DraftWithThumbnail>();
        Assert.Equal(draft.Thumbnail, page.Thumbnail);
    }

    [Fact]
    public async Task A_small_image_is_never_upscaled_and_the_same_bytes_get_the_same_names()
    {
        var (instructor, course) = await DraftAsync();
        var small = MakeImage("small.jpg", 200, 100);

        var first = await (await UploadAsync(instructor, course, small, "image/jpeg")).ReadAsync<DraftWithThumbnail>();
        var again = await (await UploadAsync(instructor, course, small, "image/jpeg")).ReadAsync<DraftWithThumbnail>();

        Assert.Equal(first.Thumbnail, again.Thumbnail);
        Assert.Equal(200, Width(await Client.GetByteArrayAsync(first.Thumbnail!.Large)));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_whatever_its_name_says()
    {
        var (instructor, course) = await DraftAsync();
        var fake = Path.Combine(_work, "fake.png");
        await File.WriteAllTextAsync(fake, "<?php echo 'not an image'; ?>");

        var response = await UploadAsync(instructor, course, fake, "image/png");

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "THUMBNAIL_UNSUPPORTED_TYPE");
    }

    [Fact]
    public async Task An_upload_over_5_MB_is_a_413()
    {
        var (instructor, course) = await DraftAsync();
        var big = Path.Combine(_work, "big.png");
        await File.WriteAllBytesAsync(big, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[6 * 1024 * 1024]]);

        var response = await UploadAsync(instructor, course, big, "image/png");

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task Another_instructor_cannot_set_the_thumbnail()
    {
        var (_, course) = await DraftAsync();
        var other = await Client.SignUpAsync("park@example.com", "Instructor");

        var response = await UploadAsync(other, course, MakeImage("x.png", 400, 300), "image/png");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "NOT_COURSE_OWNER");
    }

    private async Task<(Tokens Instructor, Guid Course)> DraftAsync()
    {
        var instructor = await Client.SignUpAsync("kim@example.com", "Instructor");
        return (instructor, (await Client.CreateCourseAsync(instructor, await Factory.WeldingCategoryAsync())).Id);
    }

    private Task<HttpResponseMessage> UploadAsync(Tokens user, Guid course, string path, string contentType)
    {
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", Path.GetFileName(path) } };
        var request = Api.Request(HttpMethod.Post, $"/api/v1/courses/{course}/thumbnail", user);
        request.Content = form;
        return Client.SendAsync(request);
    }

    private string MakeImage(string name, int width, int height)
    {
        var path = Path.Combine(_work, name);
        Tools.Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", $"testsrc=size={width}x{height}", "-frames:v", "1", "-y", path);
        return path;
    }

    private int Width(byte[] image)
    {
        var path = Path.Combine(_work, Guid.NewGuid().ToString("N") + ".jpg");
        File.WriteAllBytes(path, image);
        return int.Parse(Tools.Run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width", "-of", "csv=p=0", path).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
    }
}
