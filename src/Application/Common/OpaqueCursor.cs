using System.Text.Json;

namespace LectureHub.Application.Common;

/// <summary>Keyset positions handed to clients as opaque URL-safe strings (base64url of JSON), and read back.</summary>
public static class OpaqueCursor
{
    /// <summary>
    /// Checked strictly, in this one place for every list: every position field present and non-null, nothing
    /// unknown, so a hand-made "{}" or another list's cursor is refused rather than read as the start of time.
    /// </summary>
    private static readonly JsonSerializerOptions Strict = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

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
            var decoded = JsonSerializer.Deserialize<T>(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')), Strict);
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
