using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using LectureHub.IntegrationTests.Cohorts;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>Ordinary hostile input (issue #16): each case was a 500 or a leak before, and is a clean 4xx problem now.</summary>
public sealed class BadInputTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/html")]
    [InlineData("image/png")]
    public async Task A_404_and_a_401_are_problems_whatever_the_accept_header_says_and_echo_no_credentials(string accept)
    {
        using var unknown = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/courses/{Guid.NewGuid()}");
        unknown.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        await (await Client.SendAsync(unknown)).ProblemAsync(HttpStatusCode.NotFound, "COURSE_NOT_FOUND");

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        forged.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        forged.Headers.Add("Cookie", "session=secret-cookie");
        var response = await Client.SendAsync(forged);

        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret-cookie", body);
        Assert.DoesNotContain("not-a-token", body);
        await response.ProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task Times_sent_with_a_korean_offset_are_stored_as_the_same_instants()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var kst = TimeSpan.FromHours(9);
        var opens = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToOffset(kst).AddHours(-1);
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(recruitStarts: opens, recruitEnds: opens.AddDays(7), classStarts: opens.AddDays(8)));
        var stored = await Api.ScalarAsync<DateTime>(ApiFactory.PrimaryConnectionString, "SELECT recruit_starts_at FROM cohorts WHERE id = @id", ("id", cohort.Id));
        Assert.Equal(opens.UtcDateTime, stored); // was a 500: Npgsql writes only UTC offsets to timestamptz
    }

    [Fact]
    public async Task A_validation_error_under_an_html_accept_header_is_still_a_problem_with_its_fields()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register")
        {
            Content = JsonContent.Create(new { email = "nope", password = "short", displayName = "x" }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var problem = await (await Client.SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Contains("email", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_nul_byte_in_a_query_is_a_400_naming_the_parameter()
    {
        var problem = await (await Client.GetAsync("/api/v1/courses?q=%EC%9A%A9%EC%A0%91%00")).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["q"], problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("a\u0000@x.com")]
    [InlineData("a\u0007@x.com")]
    [InlineData("a\u001b@x.com")]
    public async Task A_control_character_in_a_json_string_is_a_400_naming_the_field(string email)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "whatever-password" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["email"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_nested_field_with_a_nul_is_named_by_its_path_and_nothing_is_stored()
    {
        var instructor = await Client.SignUpAsync("nul-instructor@example.com", "Instructor");
        var draft = await Client.CreateCourseAsync(instructor, await Factory.WeldingCategoryAsync());
        var curriculum = new { sections = new[] { new { title = "1장", lectures = new[] { new { title = "용접\u0000", durationSeconds = 60, isFreePreview = false } } } } };

        var response = await Client.SendAsync(HttpMethod.Put, $"/api/v1/courses/{draft.Id}/curriculum", instructor, curriculum);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["sections[0].lectures[0].title"], problem.Errors!.Keys);
        Assert.Equal(0L, await Api.ScalarAsync<long>(ApiFactory.PrimaryConnectionString, "SELECT count(*) FROM lectures"));
    }

    [Fact]
    public async Task Line_breaks_and_tabs_are_kept_in_a_body()
    {
        var instructor = await Client.SignUpAsync("tab-instructor@example.com", "Instructor");
        var details = new { categoryId = await Factory.WeldingCategoryAsync(), title = "용접 기초", summary = "요약", description = "# 소개\n\n\t들여쓰기\r\n", level = "Beginner", language = "ko", priceKrw = 0, tags = Array.Empty<string>() };

        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/courses", instructor, details);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_required_field_is_a_400_naming_it()
    {
        var admin = await Client.SignUpAsync("admin-missing@example.com", "Admin");

        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/categories", admin, new { labelKo = "용접", labelEn = "Welding", icon = "flame", sortOrder = 1 });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["slug"], problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("100000")]
    public async Task A_page_size_out_of_range_is_a_400(string limit)
    {
        var student = await Client.SignUpAsync($"limit{limit}@example.com");

        var problem = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/me/likes?limit={limit}", student)).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["limit"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_page_size_that_is_not_a_number_is_a_400_naming_it_without_csharp()
    {
        var student = await Client.SignUpAsync("limit-abc@example.com");

        var problem = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/likes?limit=abc", student)).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["limit"], problem.Errors!.Keys);
        Assert.DoesNotContain("int", problem.Errors["limit"][0]);
    }

    [Fact]
    public async Task Malformed_json_is_described_in_the_clients_terms()
    {
        var wrongType = await (await Client.PostAsync("/api/v1/auth/login", new StringContent("{\"email\": 5}", Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");
        var empty = await (await Client.PostAsync("/api/v1/auth/login", new StringContent("", Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");

        Assert.Contains("$.email", wrongType.Detail);
        foreach (var detail in new[] { wrongType.Detail!, empty.Detail! })
        {
            Assert.DoesNotContain("LectureHub", detail);
            Assert.DoesNotContain("Implicit body", detail);
            Assert.DoesNotContain("Command", detail);
        }
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"AppliedAt\":\"2026-01-01T00:00:00+00:00\"}")]
    [InlineData("{\"Sort\":\"Newest\",\"Number\":null,\"Time\":null,\"Id\":\"00000000-0000-0000-0000-000000000001\"}")]
    public async Task A_hand_made_cursor_is_refused_by_the_cohort_applications_list_as_by_the_catalog(string json)
    {
        var owner = await Client.SignUpAsync("cursor-owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner);
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var problem = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/cohorts/{cohort.Id}/applications?cursor={forged}", owner))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["cursor"], problem.Errors!.Keys);
    }
}
