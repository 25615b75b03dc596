using LectureHub.Domain.Common;

namespace LectureHub.Domain.Live;

/// <summary>
/// A user's secret calendar address: calendar apps fetch it without signing in, so the address is the credential.
/// Only its SHA-256 is kept; making a new one replaces the old, which stops working.
/// </summary>
public sealed class CalendarFeed : Entity
{
    private CalendarFeed()
    {
    }

    public Guid UserId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>What is kept of a token: its SHA-256.</summary>
    public static byte[] HashOf(string token) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    public static CalendarFeed Issue(Guid userId, byte[] tokenHash, DateTimeOffset now) => new() { UserId = userId, TokenHash = tokenHash, CreatedAt = now };
}
