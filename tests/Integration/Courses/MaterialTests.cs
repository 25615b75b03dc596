using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Courses;

public sealed record Material(Guid Id, Guid LectureId, string FileName, string ContentType, long SizeBytes, string Sha256, string? DownloadUrl, DateTimeOffset? ExpiresAt);

/// <summary>Lecture materials (issue #22): recognised by their bytes, size-limited, downloaded through signed URLs by whoever may watch the lecture.</summary>
public sealed class MaterialTests(ApiFactory factory) : ApiTest(factory), IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static readonly byte[] Dxf = Encoding.ASCII.GetBytes("  0\r\nSECTION\r\n  2\r\nHEADER\r\n  0\r\nENDSEC\r\n  0\r\nEOF\r\n");

    private readonly string _work = Directory.CreateTempSubdirectory("lh-materials-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Files_are_typed_by_their_bytes_and_enrolled_students_download_them_through_signed_urls_until_removed()
    {
        var kim = await Client.SignUpAsync("kim@example.com", "Instructor");
        var course = await Client.FreeCourseAsync(kim, await Factory.WeldingCategoryAsync(), 2);
        var lecture = course.Curriculum[0].Lectures[1].Id; // not a free preview

        var pdf = await (await UploadAsync(kim, lecture, Pdf, "배선도.pdf", "application/octet-stream")).ReadAsync<Material>(HttpStatusCode.Created);
        Assert.Equal(("배선도.pdf", "application/pdf", (long)Pdf.Length, Convert.ToHexStringLower(SHA256.HashData(Pdf))),
            (pdf.FileName, pdf.ContentType, pdf.SizeBytes, pdf.Sha256));
        var png = await (await UploadAsync(kim, lecture, MakePng(), "용접 비드.jpeg", "image/jpeg")).ReadAsync<Material>(HttpStatusCode.Created);
        Assert.Equal(("용접 비드.png", "image/png"), (png.FileName, png.ContentType)); // the name follows the bytes, not the claim
        var dxf = await (await UploadAsync(kim, lecture, Dxf, "../../etc/도면:1.dxf", "text/plain")).ReadAsync<Material>(HttpStatusCode.Created);
        Assert.Equal(("도면1.dxf", "image/vnd.dxf"), (dxf.FileName, dxf.ContentType));
        await (await UploadAsync(kim, lecture, [0x50, 0x4B, 0x03, 0x04, .. new byte[64]], "plan.pdf", "application/pdf"))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "MATERIAL_UNSUPPORTED_TYPE");
        await (await UploadAsync(kim, lecture, [], "empty.pdf", "application/pdf")).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        // Who may list them: whoever may watch the lecture.
        var student = await Client.SignUpAsync("lee@example.com");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/lectures/{lecture}/materials", student)).ProblemAsync(HttpStatusCode.Forbidden, "ENROLLMENT_REQUIRED");
        await (await Client.GetAsync($"/api/v1/lectures/{lecture}/materials")).ProblemAsync(HttpStatusCode.Unauthorized, "SIGN_IN_REQUIRED");
        var other = await Client.SignUpAsync("park@example.com", "Instructor");
        await (await UploadAsync(other, lecture, Pdf, "x.pdf", "application/pdf")).ProblemAsync(HttpStatusCode.Forbidden, "NOT_COURSE_OWNER");
        await (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/lectures/{lecture}/materials/{pdf.Id}", other)).ProblemAsync(HttpStatusCode.Forbidden, "NOT_COURSE_OWNER");
        await (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/lectures/{lecture}/materials/{pdf.Id}", student)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course.Id}/enrollment", student)).StatusCode);

        var listed = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/lectures/{lecture}/materials", student)).ReadAsync<List<Material>>();
        Assert.Equal([pdf.Id, png.Id, dxf.Id], listed.Select(m => m.Id));
        var download = await Client.GetAsync(listed[0].DownloadUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(listed[2].DownloadUrl)).StatusCode);
        Assert.True(listed[0].ExpiresAt > DateTimeOffset.UtcNow);

        // The URL without its signature, or with another's, is refused by the CDN.
        var unsigned = listed[0].DownloadUrl![..listed[0].DownloadUrl!.IndexOf('?')];
        await (await Client.GetAsync(unsigned)).ProblemAsync(HttpStatusCode.Forbidden, "CDN_CREDENTIALS_MISSING");
        var borrowed = unsigned.Replace(pdf.Id.ToString(), png.Id.ToString()) + listed[0].DownloadUrl![listed[0].DownloadUrl!.IndexOf('?')..];
        await (await Client.GetAsync(borrowed)).ProblemAsync(HttpStatusCode.Forbidden, "CDN_RESOURCE_NOT_COVERED");

        // Removed: gone from the list at once, and its bytes from the CDN once the removal's event is handled.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/lectures/{lecture}/materials/{pdf.Id}", kim)).StatusCode);
        await (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/lectures/{lecture}/materials/{pdf.Id}", kim)).ProblemAsync(HttpStatusCode.NotFound, "MATERIAL_NOT_FOUND");
        await Api.OutboxDrainedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(listed[0].DownloadUrl)).StatusCode);
        Assert.Equal([png.Id, dxf.Id], (await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/lectures/{lecture}/materials", kim)).ReadAsync<List<Material>>()).Select(m => m.Id));
    }

    [Fact]
    public async Task A_free_preview_lectures_materials_are_anyones_and_a_lecture_holds_twenty_of_at_most_50_MB()
    {
        var kim = await Client.SignUpAsync("kim@example.com", "Instructor");
        var course = await Client.FreeCourseAsync(kim, await Factory.WeldingCategoryAsync(), 1);
        var preview = course.Curriculum[0].Lectures[0].Id;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(kim, preview, Pdf, $"handout-{i}.pdf", "application/pdf")).StatusCode);
        }

        await (await UploadAsync(kim, preview, Pdf, "one-more.pdf", "application/pdf")).ProblemAsync(HttpStatusCode.Conflict, "MATERIAL_LIMIT_REACHED");
        await (await UploadAsync(kim, preview, [.. Pdf, .. new byte[51 * 1024 * 1024]], "big.pdf", "application/pdf"))
            .ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        await Api.SettledAsync();

        var anyone = await (await Client.GetAsync($"/api/v1/lectures/{preview}/materials")).ReadAsync<List<Material>>();
        Assert.Equal(20, anyone.Count);
        Assert.Equal(Pdf, await Client.GetByteArrayAsync(anyone[^1].DownloadUrl));
        await (await Client.GetAsync($"/api/v1/lectures/{Guid.NewGuid()}/materials")).ProblemAsync(HttpStatusCode.NotFound, "LECTURE_NOT_FOUND");
    }

    private Task<HttpResponseMessage> UploadAsync(Tokens user, Guid lecture, byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var request = Api.Request(HttpMethod.Post, $"/api/v1/lectures/{lecture}/materials", user);
        request.Content = new MultipartFormDataContent { { file, "file", fileName } };
        return Client.SendAsync(request);
    }

    private byte[] MakePng()
    {
        var path = Path.Combine(_work, "bead.png");
        Tools.Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=320x240", "-frames:v", "1", "-y", path);
        return File.ReadAllBytes(path);
    }
}
