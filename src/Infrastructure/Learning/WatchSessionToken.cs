using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace LectureHub.Infrastructure.Learning;

/// <summary>
/// A watch session as a token the server signed: session id, start time and video length, with an HMAC-SHA256 tag
/// (128 bits) that also covers the student and the lecture. So a session is started without any I/O, and a client
/// cannot move its start back (to be allowed more watching), stretch the video, or use it for another student or
/// lecture. Base64url of 16 + 8 + 4 + 16 bytes: 59 characters.
/// </summary>
internal sealed class WatchSessionToken(byte[] key)
{
    private const int PayloadLength = 16 + 8 + 4;
    private const int TagLength = 16;

    public string Issue(Guid studentId, Guid lectureId, long durationMs, DateTimeOffset now)
    {
        Span<byte> token = stackalloc byte[PayloadLength + TagLength];
        // The id only tells a student's sessions of one lecture apart (the MAC vouches for the rest): the start time and
        // 64 bits from the fast generator do, without a system call for cryptographic randomness on every play.
        BinaryPrimitives.WriteInt64BigEndian(token[..8], now.ToUnixTimeMilliseconds());
        Random.Shared.NextBytes(token[8..16]);
        BinaryPrimitives.WriteInt64BigEndian(token[16..24], now.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt32BigEndian(token[24..28], (int)durationMs);
        Tag(token[..PayloadLength], studentId, lectureId, token[PayloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    public bool TryRead(string value, Guid studentId, Guid lectureId, out WatchSessionClaims claims)
    {
        claims = default;
        Span<byte> token = stackalloc byte[PayloadLength + TagLength + 3];
        if (!Base64Url.IsValid(value, out var decodedLength) || decodedLength != PayloadLength + TagLength
            || !Base64Url.TryDecodeFromChars(value, token, out var length))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[TagLength];
        Tag(token[..PayloadLength], studentId, lectureId, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, token[PayloadLength..length]))
        {
            return false;
        }

        claims = new WatchSessionClaims(new Guid(token[..16]), DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(token[16..24])),
            BinaryPrimitives.ReadInt32BigEndian(token[24..28]));
        return true;
    }

    private void Tag(ReadOnlySpan<byte> payload, Guid studentId, Guid lectureId, Span<byte> tag)
    {
        Span<byte> message = stackalloc byte[PayloadLength + 32];
        payload.CopyTo(message);
        studentId.TryWriteBytes(message[PayloadLength..]);
        lectureId.TryWriteBytes(message[(PayloadLength + 16)..]);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, message, mac);
        mac[..TagLength].CopyTo(tag);
    }
}
