using System.Globalization;
using System.Net;
using LectureHub.Infrastructure.Media;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LectureHub.IntegrationTests.Media;

/// <summary>
/// The transcode worker on real ffmpeg, driven one job at a time (the hosted loop is off in tests): the HLS ladder,
/// the master playlist's attributes, a crashed worker's job taken over, and one failed rendition retried alone.
/// </summary>
public sealed class TranscodeTests(ApiFactory factory) : ApiTest(factory), IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("lh-transcode-").FullName;

    private string MediaRoot => Factory.Service<IOptions<MediaOptions>>().Value.Root;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_480p_upload_becomes_a_360p_and_480p_ladder_with_a_correct_master_playlist()
    {
        var (instructor, upload) = await UploadAsync(854, 480, seconds: 9);
        Assert.Equal([360, 480], upload.Renditions.Select(r => r.Height));

        Assert.True(await Worker().RunOneAsync(CancellationToken.None));
        var halfway = await StateAsync(instructor, upload.Id);
        Assert.True(await Worker().RunOneAsync(CancellationToken.None));
        Assert.False(await Worker().RunOneAsync(CancellationToken.None));
        var ready = await StateAsync(instructor, upload.Id);

        Assert.Equal(("Processing", 50), (halfway.Status, halfway.ProgressPercent));
        Assert.Equal(("Ready", 100), (ready.Status, ready.ProgressPercent));
        var folder = Path.Combine(MediaRoot, "cdn", "hls", upload.Id.ToString());
        var master = await File.ReadAllTextAsync(Path.Combine(folder, "master.m3u8"));
        var variants = master.Split('\n').Where(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, variants.Count);
        Assert.Contains("RESOLUTION=854x480,", variants[0], StringComparison.Ordinal);
        Assert.Contains("RESOLUTION=640x360,", variants[1], StringComparison.Ordinal);
        Assert.All(variants, v => Assert.Matches("CODECS=\"avc1\\.4d40[0-9a-f]{2},mp4a\\.40\\.2\"", v));
        Assert.All(variants, v => Assert.True(Attribute(v, "BANDWIDTH") >= Attribute(v, "AVERAGE-BANDWIDTH") && Attribute(v, "AVERAGE-BANDWIDTH") > 0, v));
        Assert.True(Attribute(variants[0], "AVERAGE-BANDWIDTH") > Attribute(variants[1], "AVERAGE-BANDWIDTH"));

        var variant = await File.ReadAllTextAsync(Path.Combine(folder, "480p", "index.m3u8"));
        Assert.Contains("#EXT-X-TARGETDURATION:4", variant, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-MAP:URI=\"init.mp4\"", variant, StringComparison.Ordinal);
        var segments = variant.Split('\n').Where(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal))
            .Select(l => double.Parse(l[8..].TrimEnd(','), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, segments.Count); // 4 + 4 + 1 s: keyframes forced on the segment boundaries
        Assert.All(segments, d => Assert.InRange(d, 0.5, 4.05));
        Assert.InRange(segments.Sum(), 8.9, 9.1);
        Assert.True(new FileInfo(Path.Combine(folder, "poster.jpg")).Length > 0);

        // Matched by Message-ID: another test's email may still be on its way when this one starts.
        var messageId = $"<video.{upload.Id:N}.ready@lecturehub.local>";
        await Api.EventuallyAsync(async () => (await Mailbox.ToAsync("instructor@lecturehub.test")).Any(e => e.MessageId == messageId), "the ready email");
        var email = Assert.Single(await Mailbox.ToAsync("instructor@lecturehub.test"), e => e.MessageId == messageId);
        Assert.Equal("[LectureHub] '1-1 강' 영상 처리가 끝났습니다", email.Subject);
        Assert.Contains("(lecture.mp4, 0:09)", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_whose_worker_stopped_sending_heartbeats_is_taken_over_when_its_lease_runs_out()
    {
        var (instructor, upload) = await UploadAsync(426, 240, seconds: 2);
        // Leases are compared with the API's clock, so they are set on it (not the database's now()).
        var now = Factory.Clock.GetUtcNow();
        await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString,
            "UPDATE transcode_jobs SET status = 'Running', lease_owner = 'crashed-instance', lease_until = @until, attempts = 1 RETURNING 1", ("until", now.AddHours(1)));

        Assert.False(await Worker().RunOneAsync(CancellationToken.None)); // the lease still holds
        await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString, "UPDATE transcode_jobs SET lease_until = @until RETURNING 1", ("until", now.AddSeconds(-1)));
        var before = await Metrics.ScrapeAsync(Factory);
        Assert.Equal(1, before.Value("lecturehub_transcode_jobs", "state=Stuck"));
        Assert.True(await Worker().RunOneAsync(CancellationToken.None));

        var ready = await StateAsync(instructor, upload.Id);
        Assert.Equal("Ready", ready.Status);
        Assert.Equal((240, 2), (ready.Renditions.Single().Height, ready.Renditions.Single().Attempts));
        var after = await Metrics.ScrapeAsync(Factory);
        Assert.Equal(1, after.Since(before, "lecturehub_transcode_takeovers_total"));
        Assert.Equal(0, after.Since(before, "lecturehub_transcode_retries_total"));
        Assert.Equal(1, after.Since(before, "lecturehub_transcode_rendition_duration_seconds_count", "outcome=done", "rung=240p"));
        Assert.Equal(0, after.Value("lecturehub_transcode_jobs", "state=Stuck"));
    }

    [Fact]
    public async Task A_failed_rendition_fails_the_video_with_its_error_and_is_retried_alone()
    {
        var (instructor, upload) = await UploadAsync(640, 360, seconds: 2);
        var source = Path.Combine(MediaRoot, "videos", "sources", upload.Id.ToString());
        var good = await File.ReadAllBytesAsync(source);
        await File.WriteAllBytesAsync(source, good[..64]);

        var before = await Metrics.ScrapeAsync(Factory);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.True(await Worker().RunOneAsync(CancellationToken.None));
        }

        var after = await Metrics.ScrapeAsync(Factory);
        Assert.Equal(2, after.Since(before, "lecturehub_transcode_retries_total"));
        Assert.Equal(3, after.Since(before, "lecturehub_transcode_rendition_duration_seconds_count", "outcome=failed", "rung=360p"));

        var failed = await StateAsync(instructor, upload.Id);
        Assert.Equal(("Failed", "TRANSCODE_FAILED", "Failed", 3), (failed.Status, failed.ErrorCode, failed.Renditions.Single().Status, failed.Renditions.Single().Attempts));
        Assert.Contains("ffmpeg exited", failed.Renditions.Single().Error, StringComparison.Ordinal);

        await File.WriteAllBytesAsync(source, good);
        var retried = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/video-uploads/{upload.Id}/renditions/360/retry", instructor)).ReadAsync<VideoUpload>();
        Assert.Equal("Queued", retried.Renditions.Single().Status);
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/video-uploads/{upload.Id}/renditions/360/retry", instructor))
            .ProblemAsync(HttpStatusCode.Conflict, "RENDITION_NOT_FAILED");
        Assert.True(await Worker().RunOneAsync(CancellationToken.None));

        Assert.Equal("Ready", (await StateAsync(instructor, upload.Id)).Status);
    }

    [Fact]
    public async Task Two_workers_encoding_the_renditions_of_one_video_side_by_side_leave_it_ready_with_both()
    {
        // Like two instances: each claims one rendition (SKIP LOCKED) and they finish at about the same moment. Both
        // touch the video row, so the later commit meets the xmin check and its worker retries the report.
        for (var round = 0; round < 3; round++)
        {
            await Factory.ResetAsync();
            var (instructor, upload) = await UploadAsync(854, 480, seconds: 2);
            var claimed = await Task.WhenAll(Worker().RunOneAsync(CancellationToken.None), Worker().RunOneAsync(CancellationToken.None));

            Assert.Equal([true, true], claimed);
            var ready = await StateAsync(instructor, upload.Id);
            Assert.Equal(("Ready", 100), (ready.Status, ready.ProgressPercent));
            Assert.All(ready.Renditions, r => Assert.Equal("Done", r.Status));
            var master = await File.ReadAllTextAsync(Path.Combine(MediaRoot, "cdn", "hls", upload.Id.ToString(), "master.m3u8"));
            Assert.Equal(2, master.Split('\n').Count(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Subtitles_are_listed_in_the_master_playlist_as_a_subtitles_group()
    {
        var (instructor, upload) = await UploadAsync(640, 360, seconds: 2);
        var lecture = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT lecture_id FROM lecture_videos LIMIT 1");
        const string Korean = "WEBVTT\n\n00:00:00.500 --> 00:00:01.500\n아크를 일으킵니다\n";

        // Before the video is ready: stored, and picked up when the master playlist is written.
        var early = await (await PutSubtitleAsync(instructor, lecture, "ko", "한국어", Korean)).ReadAsync<Dictionary<string, object?>>();
        Assert.Null(early["publishedToVideoId"]);
        Assert.True(await Worker().RunOneAsync(CancellationToken.None));
        var folder = Path.Combine(MediaRoot, "cdn", "hls", upload.Id.ToString());
        Assert.Contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"한국어\",LANGUAGE=\"ko\",DEFAULT=YES,AUTOSELECT=YES,URI=\"subs/ko.m3u8\"",
            await File.ReadAllTextAsync(Path.Combine(folder, "master.m3u8")), StringComparison.Ordinal);

        // After: the master playlist is written again at once, with both tracks.
        await (await PutSubtitleAsync(instructor, lecture, "en", "English", "WEBVTT\n\n00:00:00.500 --> 00:00:01.500\nStrike the arc\n")).ReadAsync<object>();
        var master = await File.ReadAllTextAsync(Path.Combine(folder, "master.m3u8"));
        Assert.Contains("LANGUAGE=\"en\",DEFAULT=NO", master, StringComparison.Ordinal);
        Assert.All(master.Split('\n').Where(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal)), l => Assert.EndsWith(",SUBTITLES=\"subs\"", l, StringComparison.Ordinal));
        Assert.Equal(Korean, await File.ReadAllTextAsync(Path.Combine(folder, "subs", "ko.vtt")));
        Assert.Contains("ko.vtt", await File.ReadAllTextAsync(Path.Combine(folder, "subs", "ko.m3u8")), StringComparison.Ordinal);

        await (await PutSubtitleAsync(instructor, lecture, "ko", null, "1\n00:00:00,500 --> 00:00:01,500\nSRT, not WebVTT\n")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "SUBTITLE_INVALID");
        await (await PutSubtitleAsync(instructor, lecture, "korean", null, Korean)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "SUBTITLE_LANGUAGE_INVALID");
    }

    private Task<HttpResponseMessage> PutSubtitleAsync(Tokens user, Guid lecture, string language, string? label, string vtt)
    {
        var request = Api.Request(HttpMethod.Put, $"/api/v1/lectures/{lecture}/subtitles/{language}" + (label is null ? "" : "?label=" + Uri.EscapeDataString(label)), user);
        request.Content = new StringContent(vtt, System.Text.Encoding.UTF8, "text/vtt");
        return Client.SendAsync(request);
    }

    private TranscodeWorker Worker() => ActivatorUtilities.CreateInstance<TranscodeWorker>(Factory.Services);

    private static long Attribute(string streamInf, string name) =>
        long.Parse(streamInf.Split(':', 2)[1].Split(',').First(a => a.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..], CultureInfo.InvariantCulture);

    private Task<VideoUpload> StateAsync(Tokens user, Guid upload) => Client.UploadStateAsync(user, upload);

    /// <summary>A noisy lavfi clip of the given size, uploaded in one chunk to a new course's first lecture.</summary>
    private async Task<(Tokens Instructor, VideoUpload Upload)> UploadAsync(int width, int height, int seconds)
    {
        var instructor = await Client.SignUpAsync("instructor@lecturehub.test", "Instructor");
        var course = await Client.PublishedCourseAsync(instructor, await Factory.WeldingCategoryAsync());
        var clip = await Videos.ClipAsync(_work, width, height, seconds, noise: true);
        return (instructor, await Client.UploadAsync(instructor, course.Curriculum[0].Lectures[0].Id, clip));
    }
}
