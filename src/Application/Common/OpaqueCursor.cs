using System.Text.Json;

namespace LectureHub.Application.Common;

/// <summary>Keyset positions handed to clients as opaque URL-safe strings (base64url of JSON), and read back.</summary>
public static class OpaqueCursor
{
    public static string Encode<T>(T position) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(position)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>False for anything this API did not issue.</summary>
    public static bool TryDecode<T>(string text, out T position)
        where T : class
    {
        position = null!;
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            var decoded = JsonSerializer.Deserialize<T>(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            if (decoded is null)
            {
                return false;
            }

            position = decoded;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }
}
