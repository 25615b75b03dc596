using System.Net.Http.Json;
using System.Text.Json;
using LectureHub.Load.Runner;

namespace LectureHub.Load.Scenarios;

/// <summary>
/// The everyday consoles at scale (issue #22): per iteration the Admin's dashboard (the default 30 days) and the
/// applications across cohorts, and an instructor's course list, one course's students and its analytics. The
/// accounts are the demo Admin and the demo instructor (kim.welder), who owns the catalog's most popular courses once
/// scripts/catalog-data.sh has added the console facts (enrolments, ledger, learning, applications).
/// </summary>
internal static class Consoles
{
    public static Scenario Scenario => new()
    {
        Name = "consoles",
        Description = "Admin dashboard (30 days) → admin applications → instructor courses → a course's students → its analytics; " +
                      "signed in as the demo Admin and the demo instructor during setup.",
        DefaultModel = LoadModel.Closed(users: 16),
        Setup = SetupAsync,
        Iteration = async ctx =>
        {
            var admin = ctx.Shared<Journeys.Tokens>("admin");
            var kim = ctx.Shared<Journeys.Tokens>("instructor");
            var course = ctx.Shared<Feed<Guid>>("courses").Next();
            await ctx.Step("dashboard", (http, ct) => http.SendAsync(Journeys.Authorized(HttpMethod.Get, "/api/v1/admin/dashboard", admin), ct));
            await ctx.Step("applications", (http, ct) => http.SendAsync(Journeys.Authorized(HttpMethod.Get, "/api/v1/admin/cohort-applications?limit=50", admin), ct));
            await ctx.Step("my-courses", (http, ct) => http.SendAsync(Journeys.Authorized(HttpMethod.Get, "/api/v1/instructor/courses?limit=50", kim), ct));
            await ctx.Step("students", (http, ct) => http.SendAsync(Journeys.Authorized(HttpMethod.Get, $"/api/v1/instructor/courses/{course}/students?limit=50", kim), ct));
            await ctx.Step("analytics", (http, ct) => http.SendAsync(Journeys.Authorized(HttpMethod.Get, $"/api/v1/instructor/courses/{course}/analytics", kim), ct));
        },
    };

    private static async Task SetupAsync(SetupContext setup)
    {
        var admin = await SignInAsync(setup, "admin@lecturehub.dev", "Admin-pass-2026");
        var kim = await SignInAsync(setup, "kim.welder@lecturehub.dev", "Instructor-pass-2026");
        using var response = await setup.Http.SendAsync(Journeys.Authorized(HttpMethod.Get, "/api/v1/instructor/courses?limit=200", kim), setup.CancellationToken);
        var page = await response.Content.ReadFromJsonAsync<CoursePage>(JsonSerializerOptions.Web, setup.CancellationToken);
        var busiest = page!.Items.OrderByDescending(c => c.ActiveEnrollments).Take(10).Where(c => c.ActiveEnrollments > 0).Select(c => c.Id).ToList();
        if (busiest.Count == 0)
        {
            throw new InvalidOperationException("The demo instructor has no enrolled course: run scripts/catalog-data.sh (it adds the console facts) and point the API at it.");
        }

        setup.Share("admin", admin);
        setup.Share("instructor", kim);
        setup.Share("courses", new Feed<Guid>(busiest));
    }

    private static async Task<Journeys.Tokens> SignInAsync(SetupContext setup, string email, string password)
    {
        using var login = await setup.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, setup.CancellationToken);
        return login.IsSuccessStatusCode
            ? (await login.Content.ReadFromJsonAsync<Journeys.Tokens>(JsonSerializerOptions.Web, setup.CancellationToken))!
            : throw new InvalidOperationException($"Setup could not sign in {email} ({(int)login.StatusCode}): the database needs the demo accounts (migrate --demo-accounts).");
    }

    private sealed record CoursePage(List<CourseRow> Items);

    private sealed record CourseRow(Guid Id, int ActiveEnrollments);
}
