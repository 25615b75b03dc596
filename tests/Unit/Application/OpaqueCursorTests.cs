using System.Text;
using LectureHub.Application.Common;

namespace LectureHub.UnitTests.Application;

public sealed class OpaqueCursorTests
{
    public sealed record Position(DateTimeOffset At, Guid Id, double? Score);

    [Fact]
    public void A_cursor_the_api_issued_reads_back()
    {
        var issued = new Position(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), Guid.NewGuid(), null);

        Assert.True(OpaqueCursor.TryDecode<Position>(OpaqueCursor.Encode(issued), out var read));
        Assert.Equal(issued, read);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"At\":\"2026-03-01T09:00:00+00:00\"}")]
    [InlineData("{\"At\":\"2026-03-01T09:00:00+00:00\",\"Id\":null,\"Score\":null}")]
    [InlineData("{\"At\":\"2026-03-01T09:00:00+00:00\",\"Id\":\"7d1d4f5e-0000-0000-0000-000000000000\",\"Score\":null,\"Sort\":1}")]
    [InlineData("null")]
    public void A_hand_made_cursor_is_refused(string json)
    {
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.False(OpaqueCursor.TryDecode<Position>(forged, out _));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("")]
    public void Garbage_is_refused(string text) => Assert.False(OpaqueCursor.TryDecode<Position>(text, out _));
}
