using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace LectureHub.Infrastructure.CloudFront;

/// <summary>
/// A CloudFront policy statement, written exactly as AWS documents it: minified, keys in the documented order
/// (Resource, then Condition with DateLessThan, DateGreaterThan, IpAddress), times in whole epoch seconds.
/// A canned policy has only Resource and DateLessThan and names one exact URL; a custom policy may use wildcards
/// (<c>*</c> any run of characters, <c>?</c> one character), a start time and a source IP range.
/// </summary>
public sealed record CloudFrontPolicy(string Resource, DateTimeOffset ExpiresAt, DateTimeOffset? NotBefore = null, string? SourceIp = null)
{
    /// <summary>A canned policy: one exact URL until a time. Its statement is never sent; CloudFront rebuilds it from the URL and Expires.</summary>
    public static CloudFrontPolicy Canned(string url, DateTimeOffset expiresAt) => new(url, expiresAt);

    public long ExpiresEpoch => ExpiresAt.ToUnixTimeSeconds();

    public string ToJson()
    {
        CheckJsonSafe(Resource, nameof(Resource));
        var json = new StringBuilder(160)
            .Append("{\"Statement\":[{\"Resource\":\"").Append(Resource)
            .Append("\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":").Append(ExpiresEpoch.ToString(CultureInfo.InvariantCulture)).Append('}');
        if (NotBefore is { } notBefore)
        {
            json.Append(",\"DateGreaterThan\":{\"AWS:EpochTime\":").Append(notBefore.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        if (SourceIp is not null)
        {
            CheckJsonSafe(SourceIp, nameof(SourceIp));
            json.Append(",\"IpAddress\":{\"AWS:SourceIp\":\"").Append(SourceIp).Append("\"}");
        }

        return json.Append("}}]}").ToString();
    }

    /// <summary>Reads a policy statement as CloudFront does (any JSON whitespace); null if it is not one.</summary>
    public static CloudFrontPolicy? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var statements = document.RootElement.GetProperty("Statement");
            if (statements.GetArrayLength() != 1)
            {
                return null;
            }

            var statement = statements[0];
            var condition = statement.GetProperty("Condition");
            var expires = condition.GetProperty("DateLessThan").GetProperty("AWS:EpochTime").GetInt64();
            DateTimeOffset? notBefore = condition.TryGetProperty("DateGreaterThan", out var start)
                ? DateTimeOffset.FromUnixTimeSeconds(start.GetProperty("AWS:EpochTime").GetInt64())
                : null;
            var ip = condition.TryGetProperty("IpAddress", out var address) ? address.GetProperty("AWS:SourceIp").GetString() : null;
            return new CloudFrontPolicy(statement.GetProperty(nameof(Resource)).GetString() ?? "", DateTimeOffset.FromUnixTimeSeconds(expires), notBefore, ip);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>CloudFront's resource match: '*' matches any run of characters (also none), '?' exactly one.</summary>
    public bool Covers(string url) => WildcardMatch(Resource, url);

    public bool AllowsAddress(IPAddress? client)
    {
        if (SourceIp is null)
        {
            return true;
        }

        return client is not null && IPNetwork.TryParse(SourceIp.Contains('/') ? SourceIp : SourceIp + "/32", out var network) &&
               network.Contains(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client);
    }

    private static bool WildcardMatch(string pattern, string text)
    {
        // Iterative glob match with single-star backtracking: linear in practice, no regex.
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Resources are percent-encoded URLs; anything JSON would escape would make our bytes differ from AWS's.</summary>
    public bool IsJsonSafe => IsSafe(Resource) && (SourceIp is null || IsSafe(SourceIp));

    private static bool IsSafe(string value) => value.All(c => c is >= ' ' and <= '~' and not '"' and not '\\');

    private static void CheckJsonSafe(string value, string name)
    {
        if (!IsSafe(value))
        {
            throw new ArgumentException($"{name} must be printable ASCII without quotes or backslashes (percent-encode the URL).", name);
        }
    }
}
