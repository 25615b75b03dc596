using System.Security.Cryptography;
using LectureHub.Infrastructure.Learning;

namespace LectureHub.UnitTests.Infrastructure;

public sealed class WatchSessionTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, 123, TimeSpan.Zero);
    private readonly WatchSessionToken _tokens = new(RandomNumberGenerator.GetBytes(32));
    private readonly Guid _student = Guid.NewGuid();
    private readonly Guid _lecture = Guid.NewGuid();

    [Fact]
    public void A_token_reads_back_its_start_and_length_for_its_student_and_lecture()
    {
        var token = _tokens.Issue(_student, _lecture, 4_000, Now);

        Assert.Equal(59, token.Length);
        Assert.True(_tokens.TryRead(token, _student, _lecture, out var claims));
        Assert.Equal((Now, 4_000L), (claims.StartedAt, claims.DurationMs));
        Assert.NotEqual(claims.Id, ReadId(_tokens.Issue(_student, _lecture, 4_000, Now)));
    }

    [Fact]
    public void Another_student_lecture_key_or_any_changed_character_is_refused()
    {
        var token = _tokens.Issue(_student, _lecture, 4_000, Now);

        Assert.False(_tokens.TryRead(token, Guid.NewGuid(), _lecture, out _));
        Assert.False(_tokens.TryRead(token, _student, Guid.NewGuid(), out _));
        Assert.False(new WatchSessionToken(RandomNumberGenerator.GetBytes(32)).TryRead(token, _student, _lecture, out _));
        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.False(_tokens.TryRead(changed, _student, _lecture, out _), $"character {i}");
        }

        Assert.False(_tokens.TryRead(token + "AA", _student, _lecture, out _));
        Assert.False(_tokens.TryRead("", _student, _lecture, out _));
    }

    private Guid ReadId(string token) => _tokens.TryRead(token, _student, _lecture, out var claims) ? claims.Id : Guid.Empty;
}
