using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace LectureHub.IntegrationTests.Support;

public sealed record Tokens(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);

public sealed record Me(Guid Id, string Email, string DisplayName, string Role, string Language, DateTimeOffset CreatedAt, DateTimeOffset? EmailVerifiedAt = null);

public sealed record Registration(Me User, Tokens Tokens);

public sealed record Problem(int Status, string Code, string? Detail, string TraceId, Dictionary<string, string[]>? Errors);

/// <summary>Small helpers so tests read as user journeys.</summary>
public static class Api
{
    public const string Password = "correct-horse-battery";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The agreement to the first versions of the terms, the ones in force after every reset (ApiFactory.ResetAsync).</summary>
    public static readonly object Terms = new { service = 1, privacy = 1 };

    public static async Task<Me> RegisterAsync(this HttpClient client, string email, string role = "Student", string displayName = "테스트 사용자", string? language = null) =>
        (await client.RegisterSignedInAsync(email, role, displayName, language)).User;

    /// <summary>Registration answers signed in: the account and its first token pair.</summary>
    public static async Task<Registration> RegisterSignedInAsync(this HttpClient client, string email, string role = "Student", string displayName = "테스트 사용자", string? language = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, displayName, role, language, terms = Terms });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Registration>(Json))!;
    }

    public static async Task<Tokens> LoginAsync(this HttpClient client, string email, string password = Password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Tokens>(Json))!;
    }

    /// <summary>A registered, signed-in user. Admins cannot self-register, so they are promoted in the database and sign in again.</summary>
    public static async Task<Tokens> SignUpAsync(this HttpClient client, string email, string role = "Student", string displayName = "테스트 사용자", string? language = null)
    {
        var registered = await client.RegisterSignedInAsync(email, role == "Admin" ? "Student" : role, displayName, language);
        if (role != "Admin")
        {
            return registered.Tokens;
        }

        await using var connection = new NpgsqlConnection(ApiFactory.PrimaryConnectionString);
        await connection.OpenAsync();
        await using var promote = new NpgsqlCommand("UPDATE users SET role = 'Admin' WHERE id = @id", connection);
        promote.Parameters.AddWithValue("id", registered.User.Id);
        Assert.Equal(1, await promote.ExecuteNonQueryAsync());
        return await client.LoginAsync(email);
    }

    public static HttpRequestMessage Request(HttpMethod method, string url, Tokens? user = null, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, Tokens? user = null, object? body = null) =>
        client.SendAsync(Request(method, url, user, body));

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Asserts an RFC 9457 problem response with the given status and code.</summary>
    public static async Task<Problem> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<Problem>(text, Json)!;
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrEmpty(problem.TraceId));
        return problem;
    }

    /// <summary>
    /// Polls until the condition holds; for effects that happen after commit (outbox, replication). It returns as soon
    /// as they do, so the generous limit costs a passing test nothing and spares it a CI machine busy with other work.
    /// </summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int timeoutMs = 60_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for: {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the relay has delivered every committed event (cache purges and the like).</summary>
    public static Task OutboxDrainedAsync() => EventuallyAsync(
        async () => await ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL") == 0,
        "outbox drained");

    /// <summary>
    /// Waits until the standby has replayed everything the primary has written so far. Readers other than the writer
    /// read the standby, so a test that reads someone else's write waits for it first, as any such reader would.
    /// </summary>
    public static async Task StandbyCaughtUpAsync()
    {
        var lsn = await ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT pg_current_wal_lsn()::text");
        await EventuallyAsync(
            async () => await ScalarAsync<bool>(ApiFactory.StandbyConnectionString, "SELECT pg_last_wal_replay_lsn() >= @lsn::pg_lsn", ("lsn", lsn!)),
            "the standby replayed the primary's writes");
    }

    /// <summary>Every committed event delivered (cache purges included) and the standby caught up: what others read is current.</summary>
    public static async Task SettledAsync()
    {
        await OutboxDrainedAsync();
        await StandbyCaughtUpAsync();
    }

    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        // Unpooled: tests restart the standby, which would leave dead connections in a pool.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T?)await command.ExecuteScalarAsync();
    }
}
