using LectureHub.Application.Media;
using LectureHub.Infrastructure.Media;

namespace LectureHub.UnitTests.Infrastructure;

/// <summary>What counts as a video in ffprobe's JSON (the integration tests run the real ffprobe).</summary>
public sealed class MediaProbeTests
{
    [Fact]
    public void A_video_stream_with_a_duration_is_a_video()
    {
        const string json = """
            {"streams":[{"codec_type":"audio"},{"codec_type":"video","width":1920,"height":1080}],"format":{"duration":"602.480000"}}
            """;

        Assert.Equal(new MediaInfo(602.48, 1920, 1080, HasAudio: true), FfprobeMediaProbe.Parse(json));
    }

    [Theory]
    [InlineData("""{"streams":[{"codec_type":"video","width":320,"height":180}],"format":{}}""")]
    [InlineData("""{"streams":[{"codec_type":"video","width":320,"height":180}],"format":{"duration":"N/A"}}""")]
    [InlineData("""{"streams":[{"codec_type":"audio"}],"format":{"duration":"30.0"}}""")]
    [InlineData("""{"format":{"duration":"30.0"}}""")]
    public void Stills_sound_and_nothing_are_not_videos(string json)
    {
        Assert.Null(FfprobeMediaProbe.Parse(json));
    }
}
