using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Payments;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>
/// Requests generated from the OpenAPI document, for every operation and each role (anonymous, student, instructor,
/// Admin), with hostile input: control characters, huge and empty strings, wrong JSON types, bodies that are not JSON,
/// odd Accept and Content-Type headers. Every answer must be below 500, every 4xx a problem with a code, and every
/// status one the document lists for the operation. The seed is fixed (<see cref="DefaultSeed"/>) so a failure
/// reproduces; <c>LH_FUZZ_SEED=random</c> (or a number) explores further, and the seed is in every failure message.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiFuzzTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    private const int DefaultSeed = 16;
    private const int VariantsPerOperationAndRole = 4;

    private static readonly string[] HostileStrings =
    [
        "용접\u0000", "a\u0001b", "\u001b[31m", "tab\there", "", " ", new string('가', 5_000), new string('x', 70_000), "' OR 1=1 --",
        "<script>alert(1)</script>", "../../etc/passwd", "%00", "\ud83d\ude00", "null", "-1", "00000000-0000-0000-0000-000000000000",
    ];

    private static readonly string[] Accepts = ["application/json", "text/plain", "text/html", "image/png", "*/*", "application/xml"];

    private static readonly JsonNode?[] WrongTypes = [JsonValue.Create(-1), JsonValue.Create(1e308), JsonValue.Create(true), null, new JsonArray(), new JsonObject(), JsonValue.Create("x")];

    private static int Seed => Environment.GetEnvironmentVariable("LH_FUZZ_SEED") switch
    {
        null or "" => DefaultSeed,
        "random" => Random.Shared.Next(),
        var n => int.Parse(n, CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Every_operation_answers_hostile_input_with_a_documented_status_and_never_a_5xx()
    {
        var seed = Seed;
        var random = new Random(seed);
        using var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var ids = await KnownIdsAsync();
        var roles = new (string Name, Tokens? Tokens)[]
        {
            ("anonymous", null),
            ("student", await Client.SignUpAsync("fuzz-student@example.com")),
            ("instructor", ids.Instructor),
            ("admin", await Client.SignUpAsync("fuzz-admin@example.com", "Admin")),
        };

        var failures = new List<string>();
        var sent = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                foreach (var (role, tokens) in roles)
                {
                    for (var variant = 0; variant < VariantsPerOperationAndRole; variant++)
                    {
                        using var request = BuildRequest(random, root, path.Name, operation, ids, tokens, variant);
                        var description = $"{request.Method} {Truncate(request.RequestUri!.ToString())} as {role} (variant {variant})";
                        using var response = await Client.SendAsync(request);
                        sent++;
                        if (await CheckAsync(response, operation.Value) is { } problem)
                        {
                            failures.Add($"{description}: {problem}");
                        }
                    }
                }
            }
        }

        Assert.True(sent > 500, $"only {sent} requests were generated");
        Assert.True(failures.Count == 0, $"seed {seed}, {failures.Count} of {sent} requests:\n" + string.Join("\n", failures.Distinct().Take(40)));
    }

    private static async Task<string?> CheckAsync(HttpResponseMessage response, JsonElement operation)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"{status}: {Truncate(body)}";
        }

        var documented = operation.TryGetProperty("responses", out var responses)
            && (responses.TryGetProperty(status.ToString(CultureInfo.InvariantCulture), out _) || responses.TryGetProperty("default", out _));
        if (!documented)
        {
            return $"{status} is not in the document: {Truncate(body)}";
        }

        if (status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no body"}";
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? null : $"{status} problem without a code: {Truncate(body)}";
        }
        catch (JsonException)
        {
            return $"{status} with a body that is not JSON: {Truncate(body)}";
        }
    }

    private static HttpRequestMessage BuildRequest(Random random, JsonElement root, string template, JsonProperty operation, KnownIds ids, Tokens? tokens, int variant)
    {
        var path = new StringBuilder(template);
        var query = new List<string>();
        var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), "/");
        foreach (var parameter in Parameters(operation.Value))
        {
            var name = parameter.GetProperty("name").GetString()!;
            var schema = parameter.TryGetProperty("schema", out var s) ? Resolve(root, s) : default;
            var value = ParameterValue(random, schema, ids, variant);
            switch (parameter.GetProperty("in").GetString())
            {
                case "path":
                    // A control character in a path never reaches the application: the server refuses the request line. An
                    // empty segment would address another route, which is not this operation's answer to judge.
                    var segment = new string(value.Where(c => c >= ' ').ToArray());
                    path.Replace("{" + name + "}", Uri.EscapeDataString(segment.Length > 0 ? segment : "x"));
                    break;
                case "query" when variant == 0 || random.Next(3) > 0:
                    query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
                    break;
                case "header":
                    request.Headers.TryAddWithoutValidation(name, random.Next(2) == 0 ? Guid.NewGuid().ToString() : Printable(value));
                    break;
            }
        }

        request.RequestUri = new Uri(path + (query.Count > 0 ? "?" + string.Join('&', query) : ""), UriKind.Relative);
        request.Headers.Accept.ParseAdd(Accepts[random.Next(Accepts.Length)]);
        if (tokens is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", variant == 3 ? tokens.AccessToken[..^3] + "abc" : tokens.AccessToken);
        }

        if (operation.Value.TryGetProperty("requestBody", out var requestBody))
        {
            request.Content = Body(random, root, requestBody, variant);
        }

        return request;
    }

    private static StringContent Body(Random random, JsonElement root, JsonElement requestBody, int variant)
    {
        var content = requestBody.GetProperty("content");
        var json = content.EnumerateObject().FirstOrDefault(c => c.Name.Contains("json", StringComparison.Ordinal));
        var schema = json.Value.ValueKind == JsonValueKind.Object && json.Value.TryGetProperty("schema", out var s) ? Resolve(root, s) : default;
        return (variant, random.Next(4)) switch
        {
            (2, 0) => new StringContent("", Encoding.UTF8, "application/json"),
            (2, 1) => new StringContent("{\"unterminated\": ", Encoding.UTF8, "application/json"),
            (2, 2) => new StringContent("email=a&password=b", Encoding.UTF8, "application/x-www-form-urlencoded"),
            (2, _) => new StringContent("plain words", Encoding.UTF8, "text/plain"),
            _ => new StringContent(Value(random, root, schema, depth: 0, wrongTypes: variant == 1)?.ToJsonString() ?? "null", Encoding.UTF8, "application/json"),
        };
    }

    private static JsonNode? Value(Random random, JsonElement root, JsonElement schema, int depth, bool wrongTypes)
    {
        if (wrongTypes && random.Next(3) == 0)
        {
            return WrongTypes[random.Next(WrongTypes.Length)]?.DeepClone();
        }

        schema = Resolve(root, schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > 4)
        {
            return JsonValue.Create(Hostile(random));
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0 && random.Next(3) > 0)
        {
            return JsonNode.Parse(values[random.Next(values.GetArrayLength())].GetRawText());
        }

        var type = Types(schema);
        if (type.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var result = new JsonObject();
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject().Where(_ => random.Next(6) > 0))
                {
                    result[property.Name] = Value(random, root, property.Value, depth + 1, wrongTypes);
                }
            }

            return result;
        }

        if (type.Contains("array"))
        {
            var items = schema.TryGetProperty("items", out var i) ? i : default;
            var array = new JsonArray();
            for (var n = random.Next(3); n > 0; n--)
            {
                array.Add(Value(random, root, items, depth + 1, wrongTypes));
            }

            return array;
        }

        return type switch
        {
            _ when type.Contains("integer") => JsonValue.Create(new long[] { -5, 0, 1, 3, int.MaxValue, long.MaxValue }[random.Next(6)]),
            _ when type.Contains("number") => JsonValue.Create(new[] { -1.5, 0, 0.5, 1e12 }[random.Next(4)]),
            _ when type.Contains("boolean") => JsonValue.Create(random.Next(2) == 0),
            _ when schema.TryGetProperty("format", out var f) && f.GetString() == "uuid" && random.Next(2) == 0 => JsonValue.Create(Guid.NewGuid().ToString()),
            _ => JsonValue.Create(Hostile(random)),
        };
    }

    private static string ParameterValue(Random random, JsonElement schema, KnownIds ids, int variant)
    {
        var type = schema.ValueKind == JsonValueKind.Object ? Types(schema) : [];
        var uuid = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) && f.GetString() == "uuid";
        return (variant, type) switch
        {
            _ when uuid && variant != 1 => ids.Pick(random),
            _ when type.Contains("integer") && variant != 1 => new[] { "-5", "0", "1", "720", "99999999999" }[random.Next(5)],
            _ when type.Contains("boolean") && variant != 1 => random.Next(2) == 0 ? "true" : "maybe",
            _ => Hostile(random),
        };
    }

    private static List<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? [.. parameters.EnumerateArray()] : [];

    private static HashSet<string> Types(JsonElement schema) => !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet() : [type.GetString()!];

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        for (var hops = 0; hops < 10 && schema.ValueKind == JsonValueKind.Object; hops++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = reference.GetString()!.TrimStart('#', '/').Split('/').Aggregate(root, (node, segment) => node.GetProperty(segment));
            }
            else if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf) || schema.TryGetProperty("allOf", out oneOf))
            {
                schema = oneOf.EnumerateArray().FirstOrDefault(s => !(s.TryGetProperty("type", out var t) && t.GetString() == "null"));
            }
            else
            {
                break;
            }
        }

        return schema;
    }

    private static string Hostile(Random random) => HostileStrings[random.Next(HostileStrings.Length)];

    /// <summary>A header value HttpClient will send (it refuses control characters and non-ASCII itself).</summary>
    private static string Printable(string value) => new(value.Where(c => c is >= ' ' and < '\u007f').Take(200).ToArray());

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private async Task<KnownIds> KnownIdsAsync()
    {
        var instructor = await Client.SignUpAsync("fuzz-instructor@example.com", "Instructor");
        var category = await Factory.WeldingCategoryAsync();
        var draft = await Client.CreateCourseAsync(instructor, category, "퍼즈 초안");
        var published = await Client.FreeCourseAsync(instructor, category, 2);
        return new KnownIds(instructor, [category, draft.Id, published.Id, .. published.Curriculum.SelectMany(s => s.Lectures.Select(l => l.Id))]);
    }

    private sealed record KnownIds(Tokens Instructor, List<Guid> Ids)
    {
        /// <summary>Half the time an id that exists (so handlers run past their lookups), else a stranger.</summary>
        public string Pick(Random random) => (random.Next(2) == 0 ? Ids[random.Next(Ids.Count)] : Guid.NewGuid()).ToString();
    }
}
