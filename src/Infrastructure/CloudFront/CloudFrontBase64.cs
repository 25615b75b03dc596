namespace LectureHub.Infrastructure.CloudFront;

/// <summary>
/// CloudFront's URL-safe base64: standard base64 with '+' → '-', '=' → '_' and '/' → '~' (not RFC 4648's base64url).
/// </summary>
public static class CloudFrontBase64
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).Replace('+', '-').Replace('=', '_').Replace('/', '~');

    public static bool TryDecode(string text, out byte[] bytes)
    {
        var standard = text.Replace('-', '+').Replace('_', '=').Replace('~', '/');
        bytes = new byte[(standard.Length / 4 * 3) + 3];
        if (Convert.TryFromBase64String(standard, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
