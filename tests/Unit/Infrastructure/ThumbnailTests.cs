using System.Text;
using LectureHub.Application.Courses;
using LectureHub.Infrastructure.Courses;
using LectureHub.Infrastructure.Media;

namespace LectureHub.UnitTests.Infrastructure;

public sealed class ThumbnailTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0 }, true)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, true)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, false)] // GIF
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, false)] // truncated PNG signature
    [InlineData(new byte[0], false)]
    public void Images_are_recognised_by_their_magic_bytes(byte[] start, bool image) =>
        Assert.Equal(image, LocalThumbnailStore.LooksLikeImage(start));

    [Fact]
    public void WebP_is_recognised_by_its_riff_header() =>
        Assert.True(LocalThumbnailStore.LooksLikeImage(Encoding.ASCII.GetBytes("RIFF\u0001\u0002\u0003\u0004WEBPVP8 ")));

    [Fact]
    public void Thumbnail_urls_name_each_width_after_the_content_key()
    {
        var urls = ThumbnailDto.From("abc123")!;

        Assert.Equal(("/media/thumbnails/abc123-320.jpg", "/media/thumbnails/abc123-640.jpg", "/media/thumbnails/abc123-1280.jpg"), (urls.Small, urls.Medium, urls.Large));
        Assert.Null(ThumbnailDto.From(null));
    }
}
