using LectureHub.Domain.Media;
using LectureHub.Infrastructure.Media;

namespace LectureHub.UnitTests.Domain;

public sealed class RenditionLadderTests
{
    [Theory]
    [InlineData(2160, new[] { 360, 480, 720, 1080 })]
    [InlineData(1080, new[] { 360, 480, 720, 1080 })]
    [InlineData(720, new[] { 360, 480, 720 })]
    [InlineData(500, new[] { 360, 480 })]
    [InlineData(240, new[] { 240 })]
    [InlineData(179, new[] { 178 })]
    public void The_ladder_never_upscales_and_a_small_source_keeps_its_own_height(int source, int[] heights)
    {
        Assert.Equal(heights, Rendition.For(source).Select(r => r.Height));
    }

    [Fact]
    public void Codecs_come_from_the_init_segments_avcc_box_and_audio_entry()
    {
        byte[] init = [.. "....moov....avcC"u8, 0x01, 0x4d, 0x40, 0x1f, 0xff, .. "....mp4a"u8];

        Assert.Equal("avc1.4d401f,mp4a.40.2", HlsPackager.Codecs(init));
        Assert.Equal("avc1.640028", HlsPackager.Codecs([.. "avcC"u8, 0x01, 0x64, 0x00, 0x28]));
        Assert.Throws<InvalidDataException>(() => HlsPackager.Codecs("no video here"u8));
    }
}
