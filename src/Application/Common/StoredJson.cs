using System.Text.Json;
using System.Text.Json.Serialization;

namespace LectureHub.Application.Common;

/// <summary>
/// How value objects are stored in jsonb columns (forms, terms, answers). One definition, used by EF Core when it
/// writes them and by the Dapper queries that read them back.
/// </summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"Stored JSON for {typeof(T).Name} was null.");
}
