using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>
/// The one rule for text arriving at the edge: no C0 control characters (PostgreSQL refuses NUL in text, and the rest
/// have no business in a title or a search). JSON bodies may carry tab and line breaks (descriptions, subtitles);
/// query and route values may not. Every JSON string and every query or route value passes through here, so a new
/// field is covered without anyone remembering it.
/// </summary>
internal static class InputText
{
    public const string Message = "Must not contain control characters.";

    public static bool IsClean(ReadOnlySpan<char> text, bool allowLineBreaks)
    {
        foreach (var c in text)
        {
            if (c < ' ' && !(allowLineBreaks && c is '\t' or '\n' or '\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllClean(Microsoft.Extensions.Primitives.StringValues values)
    {
        foreach (var value in values)
        {
            if (!IsClean(value, false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Rejects a query or route value with a control character as a 400 naming the parameter.</summary>
    public static IApplicationBuilder UseCleanQueryAndRoute(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Every request passes here: look without allocating, and build the answer only for a bad one.
        List<ValidationFailure>? failures = null;
        foreach (var (key, values) in context.Request.Query)
        {
            if (!IsClean(key, false) || !AllClean(values))
            {
                (failures ??= []).Add(new ValidationFailure(IsClean(key, false) ? key : "query", Message));
            }
        }

        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is string text && !IsClean(text, false))
            {
                (failures ??= []).Add(new ValidationFailure(key, Message));
            }
        }

        if (failures is not null)
        {
            throw new ValidationException(failures.DistinctBy(f => f.PropertyName));
        }

        await next(context);
    });
}

/// <summary>Every string in a JSON body, values and property names alike, is read through <see cref="InputText"/>.</summary>
internal sealed class CleanStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Check(reader.GetString()!);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Check(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Check(string value) => InputText.IsClean(value, allowLineBreaks: true) ? value : throw new ControlCharacterException();
}

/// <summary>Carries the JSON path System.Text.Json adds, so the 400 can name the field.</summary>
internal sealed class ControlCharacterException() : JsonException(InputText.Message);
