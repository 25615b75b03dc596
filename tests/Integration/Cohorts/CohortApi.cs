using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using LectureHub.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LectureHub.IntegrationTests.Cohorts;

public sealed record Seats(int Capacity, int Taken, int WaitlistCapacity, int Waitlisted);

public sealed record Cohort(Guid Id, Guid OwnerId, string Title, string Selection, Seats Seats, FormDto Form, List<Term> Terms);

public sealed record CohortCard(Guid Id, Guid? CourseId, string Title, string Selection, Seats Seats);

public sealed record CohortCardPage(List<CohortCard> Items, string? NextCursor);

public sealed record FormDto(int Version, List<Question> Questions);

public sealed record Question(string Key, string Label, string Kind, bool Required, List<string> Options);

public sealed record Term(string Code, int Version, string Title, string Body, bool Required);

public sealed record Application(Guid Id, Guid CohortId, Guid StudentId, string Status, long? WaitlistNumber, int FormVersion, string? RejectionReason);

public sealed record CohortStats(int Capacity, int SeatsTaken, int WaitlistCapacity, int WaitlistLength, int PendingReviews, Dictionary<string, int> ByStatus);

/// <summary>Cohort steps for tests.</summary>
public static class CohortApi
{
    public static object NewCohort(
        int capacity = 3, int waitlist = 2, string selection = "FirstCome", DateTimeOffset? recruitStarts = null, DateTimeOffset? recruitEnds = null,
        DateTimeOffset? classStarts = null, bool online = false, string? region = null, Guid? categoryId = null, string visibility = "Public",
        long fee = 0) => new
        {
            title = "TIG 용접 주말 실습반",
            description = "서울 성수동 실습장, 장비 제공",
            capacity,
            waitlistCapacity = waitlist,
            selection,
            recruitStartsAt = recruitStarts ?? DateTimeOffset.UtcNow.AddHours(-1),
            recruitEndsAt = recruitEnds ?? DateTimeOffset.UtcNow.AddDays(7),
            classStartsAt = classStarts ?? DateTimeOffset.UtcNow.AddDays(8),
            classEndsAt = (classStarts ?? DateTimeOffset.UtcNow.AddDays(8)).AddHours(6),
            location = online ? null : "서울 성동구 성수이로 1",
            isOnline = online,
            region,
            categoryId,
            feeKrw = fee,
            visibility,
            questions = new object[]
            {
                new { key = "experience", label = "용접 경력", kind = "SingleChoice", required = true, options = new[] { "없음", "1년 미만", "1년 이상" } },
                new { key = "motivation", label = "지원 동기", kind = "Text", required = false, options = Array.Empty<string>() },
            },
            terms = new object[] { new { code = "safety", title = "안전 수칙 동의", body = "보호구를 착용합니다.", required = true } },
        };

    public static object Answers(int termVersion = 1) => new
    {
        answers = new object[] { new { key = "experience", values = new[] { "없음" } }, new { key = "motivation", values = new[] { "자격증 취득" } } },
        acceptedTerms = new object[] { new { code = "safety", version = termVersion } },
    };

    public static async Task<Cohort> CreateCohortAsync(this HttpClient client, Tokens owner, object? body = null) =>
        await (await client.SendAsync(HttpMethod.Post, "/api/v1/cohorts", owner, body ?? NewCohort())).ReadAsync<Cohort>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> ApplyAsync(this HttpClient client, Guid cohortId, Tokens student, string? key = null, object? body = null)
    {
        var request = Api.Request(HttpMethod.Post, $"/api/v1/cohorts/{cohortId}/applications", student, body ?? Answers());
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static async Task<CohortStats> StatsAsync(this HttpClient client, Guid cohortId, Tokens owner) =>
        await (await client.SendAsync(HttpMethod.Get, $"/api/v1/cohorts/{cohortId}/stats", owner)).ReadAsync<CohortStats>();

    /// <summary>
    /// Many signed-in students without a password hash each (PBKDF2 would take minutes for thousands): rows written
    /// directly, access tokens minted by the API's own token service.
    /// </summary>
    public static async Task<List<Tokens>> StudentsAsync(this ApiFactory factory, int count, string prefix = "student")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tokens = scope.ServiceProvider.GetRequiredService<ITokenService>();
        var users = Enumerable.Range(0, count)
            .Select(i => User.Register($"{prefix}{i}@example.com", $"수강생 {i}", "not-a-usable-hash", Role.Student, DateTimeOffset.UtcNow)).ToList();
        foreach (var user in users)
        {
            db.TermsDecisions.AddRange(user.DecideTerms(1, 1, marketing: null, DateTimeOffset.UtcNow));
        }

        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users.Select(u =>
        {
            var access = tokens.CreateAccessToken(u, Guid.NewGuid());
            return new Tokens(access.Token, access.ExpiresAt, "", DateTimeOffset.MaxValue);
        }).ToList();
    }

    /// <summary>A user's access token minted again on the API's clock, for a test that moved the clock past the old one's expiry.</summary>
    public static async Task<Tokens> ReissuedAsync(this ApiFactory factory, Tokens tokens)
    {
        var payload = tokens.AccessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        using var claims = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
        var userId = Guid.Parse(claims.RootElement.GetProperty("sub").GetString()!);
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Id == userId);
        var access = scope.ServiceProvider.GetRequiredService<ITokenService>().CreateAccessToken(user, Guid.NewGuid());
        return new Tokens(access.Token, access.ExpiresAt, "", DateTimeOffset.MaxValue);
    }

    public static Task<HttpResponseMessage> CancelAsync(this HttpClient client, Guid cohortId, Guid applicationId, Tokens student) =>
        client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohortId}/applications/{applicationId}/cancel", student);

    public static async Task<T> JsonAsync<T>(this HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<T>(Api.Json))!;

    /// <summary>
    /// Another transaction taking the cohort's places (of one kind, or all) until it is rolled back: applications
    /// meet them as places still being taken. Returns the transaction and how many places it holds.
    /// </summary>
    public static async Task<(NpgsqlTransaction Taking, long Held)> HoldPlacesAsync(Guid cohortId, string? kind = null)
    {
        var connection = new NpgsqlConnection(ApiFactory.PrimaryConnectionString);
        await connection.OpenAsync();
        var taking = await connection.BeginTransactionAsync();
        await using var hold = new NpgsqlCommand(
            "SELECT count(*) FROM (SELECT 1 FROM cohort_slots WHERE cohort_id = @id AND (@kind::text IS NULL OR kind = @kind) FOR UPDATE) held", connection, taking);
        hold.Parameters.AddWithValue("id", cohortId);
        hold.Parameters.Add(new NpgsqlParameter<string?>("kind", kind));
        return (taking, (long)(await hold.ExecuteScalarAsync())!);
    }
}
