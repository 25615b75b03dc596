using LectureHub.Domain.Common;
using LectureHub.Domain.Media;

namespace LectureHub.UnitTests.Domain;

public sealed class LectureVideoTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(LectureVideo.MaxUploadBytes + 1)]
    public void An_upload_is_between_one_byte_and_4_GiB(long size)
    {
        var error = Assert.Throws<DomainValidationException>(() => Start(size));
        Assert.Equal("VIDEO_TOO_LARGE", error.Code);
    }

    [Fact]
    public void Received_bytes_only_grow_and_never_past_the_declared_size()
    {
        var video = Start(100);
        video.Received(60, Now);

        Assert.Equal("UPLOAD_OFFSET_MISMATCH", Assert.Throws<DomainException>(() => video.Received(50, Now)).Code);
        Assert.Equal("UPLOAD_OFFSET_MISMATCH", Assert.Throws<DomainException>(() => video.Received(101, Now)).Code);
        Assert.Equal((60L, false), (video.ReceivedBytes, video.IsComplete));
    }

    [Fact]
    public void Only_a_complete_upload_is_accepted_and_then_it_is_closed()
    {
        var video = Start(100);
        video.Received(99, Now);
        Assert.Equal("UPLOAD_INCOMPLETE", Assert.Throws<DomainException>(() => video.Accept(3, 320, 180, Now)).Code);

        video.Received(100, Now);
        video.Accept(3, 320, 180, Now);

        Assert.Equal(VideoStatus.Queued, video.Status);
        Assert.Equal("UPLOAD_CLOSED", Assert.Throws<DomainException>(() => video.Received(100, Now)).Code);
    }

    [Fact]
    public void Each_upload_has_its_own_source_key()
    {
        Assert.NotEqual(Start(1).SourceKey, Start(1).SourceKey);
        Assert.StartsWith("sources/", Start(1).SourceKey, StringComparison.Ordinal);
    }

    private static LectureVideo Start(long size) => LectureVideo.StartUpload(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), " a.mp4 ", size, Now);
}
