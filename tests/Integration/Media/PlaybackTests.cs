using System.Globalization;
using System.Net;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Media;

public sealed record PlaybackCookie(string Name, string Value, string Path, string? Domain);

public sealed record PlaybackGrant(string MasterUrl, string SignedMasterUrl, string Query, List<PlaybackCookie> Cookies, DateTimeOffset ExpiresAt);

public sealed record Playback(Guid LectureId, Guid VideoId, double DurationSeconds, PlaybackGrant Credentials, string? WatchSessionId);

/// <summary>
/// End to end on a real socket: an instructor uploads, the worker transcodes, an enrolled student asks for playback,
/// and ffmpeg (a real HLS client) plays the whole stream with the credentials; everyone else is refused with a code.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PlaybackTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>, IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(factory.BaseUrl) };
    private readonly string _work = Directory.CreateTempSubdirectory("lh-playback-").FullName;

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task An_enrolled_student_plays_the_whole_stream_with_signed_urls_or_cookies()
    {
        var (course, lecture) = await ReadyLectureAsync();
        var student = await _http.SignUpAsync("student@lecturehub.test");
        await (await _http.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course}/enrollment", student)).ReadAsync<object>(HttpStatusCode.Created);

        using var response = await _http.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/playback", student);
        var playback = await response.ReadAsync<Playback>();

        // Signed URL: the player follows every playlist with the same credentials appended (no cookies).
        var copy = Path.Combine(_work, "played.mp4");
        Tools.Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", playback.Credentials.SignedMasterUrl, "-c", "copy", "-y", copy);
        Assert.InRange(Duration(copy), 3.5, 4.5);

        // Signed cookies: set on the response for browsers, scoped to the video's folder.
        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(["CloudFront-Key-Pair-Id", "CloudFront-Policy", "CloudFront-Signature"], setCookies.Select(c => c.Split('=')[0]).Order());
        // One spelling of the video id: the API's (with dashes) is the one in the CDN path.
        Assert.Contains($"/cdn/hls/{playback.VideoId}/master.m3u8", playback.Credentials.MasterUrl, StringComparison.Ordinal);
        Assert.All(setCookies, c => Assert.Contains($"path=/cdn/hls/{playback.VideoId}/", c, StringComparison.Ordinal));
        var cookieHeader = string.Join("; ", playback.Credentials.Cookies.Select(c => $"{c.Name}={c.Value}"));
        Tools.Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-headers", $"Cookie: {cookieHeader}\r\n", "-i", playback.Credentials.MasterUrl, "-c", "copy", "-y", copy);
        Assert.InRange(Duration(copy), 3.5, 4.5);

        // The credentials last the video's length plus 30 minutes, rounded up to the 5-minute sharing window.
        var expected = DateTimeOffset.UtcNow.AddSeconds(playback.DurationSeconds).AddMinutes(30);
        Assert.InRange(playback.Credentials.ExpiresAt, expected.AddSeconds(-5), expected.AddMinutes(5).AddSeconds(5));
    }

    [Fact]
    public async Task Viewers_of_one_video_share_one_signature_and_strangers_are_refused_with_a_code()
    {
        var (course, lecture) = await ReadyLectureAsync();
        var first = await _http.SignUpAsync("first@lecturehub.test");
        var second = await _http.SignUpAsync("second@lecturehub.test");
        var stranger = await _http.SignUpAsync("stranger@lecturehub.test");
        foreach (var student in new[] { first, second })
        {
            await (await _http.SendAsync(HttpMethod.Post, $"/api/v1/courses/{course}/enrollment", student)).ReadAsync<object>(HttpStatusCode.Created);
        }

        var a = await (await _http.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/playback", first)).ReadAsync<Playback>();
        var b = await (await _http.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/playback", second)).ReadAsync<Playback>();

        Assert.Equal(a.Credentials.Query, b.Credentials.Query);
        await (await _http.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/playback", stranger)).ProblemAsync(HttpStatusCode.Forbidden, "ENROLLMENT_REQUIRED");
        await (await _http.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{lecture}/playback")).ProblemAsync(HttpStatusCode.Unauthorized, "SIGN_IN_REQUIRED");
        await (await _http.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{Guid.NewGuid()}/playback", first)).ProblemAsync(HttpStatusCode.NotFound, "LECTURE_NOT_FOUND");
    }

    [Fact]
    public async Task A_free_preview_is_open_to_anyone_once_its_video_is_ready()
    {
        var instructor = await _http.SignUpAsync("instructor@lecturehub.test", "Instructor");
        var course = await _http.FreeCourseAsync(instructor, await factory.WeldingCategoryAsync(), 2);
        var preview = course.Curriculum[0].Lectures[0];
        Assert.True(preview.IsFreePreview);

        await (await _http.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{preview.Id}/playback")).ProblemAsync(HttpStatusCode.Conflict, "VIDEO_NOT_READY");

        // The video becomes Ready while the standby lags behind: "not ready" from the replica is checked on the primary.
        await Api.ScalarAsync<object>(ApiFactory.StandbyConnectionString, "SELECT pg_wal_replay_pause()");
        try
        {
            await _http.TranscodedAsync(factory.Services, instructor, preview.Id, _work);

            var playback = await (await _http.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{preview.Id}/playback")).ReadAsync<Playback>();
            var owner = await (await _http.SendAsync(HttpMethod.Post, $"/api/v1/lectures/{preview.Id}/playback", instructor)).ReadAsync<Playback>();
            Assert.Equal(playback.VideoId, owner.VideoId);
            Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.StandbyConnectionString,
                "SELECT count(*) FROM lecture_current_videos WHERE lecture_id = @id", ("id", preview.Id)));
        }
        finally
        {
            await Api.ScalarAsync<object>(ApiFactory.StandbyConnectionString, "SELECT pg_wal_replay_resume()");
        }
    }

    /// <summary>A free, published course whose second lecture (not a preview) has a Ready video.</summary>
    private async Task<(Guid Course, Guid Lecture)> ReadyLectureAsync()
    {
        var instructor = await _http.SignUpAsync("instructor@lecturehub.test", "Instructor");
        var course = await _http.FreeCourseAsync(instructor, await factory.WeldingCategoryAsync(), 2);
        var lecture = course.Curriculum[0].Lectures[1];
        Assert.False(lecture.IsFreePreview);
        await _http.TranscodedAsync(factory.Services, instructor, lecture.Id, _work);
        return (course.Id, lecture.Id);
    }

    private static double Duration(string file) =>
        double.Parse(Tools.Run("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file).Trim(), CultureInfo.InvariantCulture);
}
