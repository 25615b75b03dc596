using System.Net;
using System.Text;
using LectureHub.IntegrationTests.Cohorts;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Admin;

/// <summary>Admins: applications across every cohort, filtered and paged, and the same as a CSV download (issue #22).</summary>
public sealed class AdminApplicationsTests(ApiFactory factory) : ApiTest(factory)
{
    private sealed record Application(Guid Id, Guid CohortId, string CohortTitle, string StudentName, string StudentEmail, string Status, DateTimeOffset AppliedAt);

    private sealed record Page(List<Application> Items, string? NextCursor);

    [Fact]
    public async Task Admins_filter_page_and_export_every_cohorts_applications_and_nobody_else_can()
    {
        var kim = await Client.SignUpAsync("kim@lecturehub.test", "Instructor");
        var welding = await Factory.WeldingCategoryAsync();
        var electrical = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM categories WHERE slug = 'electrical'");
        var tig = await Client.CreateCohortAsync(kim, CohortApi.NewCohort(categoryId: welding));
        var wiring = await Client.CreateCohortAsync(kim, CohortApi.NewCohort(categoryId: electrical, selection: "Review"));
        var lee = await Client.SignUpAsync("lee@lecturehub.test", displayName: "이용접");
        var park = await Client.SignUpAsync("park@lecturehub.test", displayName: "=HYPERLINK(\"http://x\")"); // a name that looks like a formula
        foreach (var (cohort, student) in new[] { (tig, lee), (wiring, lee), (tig, park) })
        {
            Assert.Equal(HttpStatusCode.Created, (await Client.ApplyAsync(cohort.Id, student)).StatusCode);
        }

        var admin = await Client.SignUpAsync("admin@lecturehub.test", "Admin");
        async Task<Page> ListAsync(string filter) =>
            await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/admin/cohort-applications?{filter}", admin)).ReadAsync<Page>();

        var all = await ListAsync("");
        Assert.Equal([("park@lecturehub.test", tig.Id), ("lee@lecturehub.test", wiring.Id), ("lee@lecturehub.test", tig.Id)],
            all.Items.Select(a => (a.StudentEmail, a.CohortId))); // newest first
        Assert.Equal(["Approved", "Applied", "Approved"], all.Items.Select(a => a.Status));
        Assert.Equal(2, (await ListAsync($"cohortId={tig.Id}")).Items.Count);
        Assert.Equal([wiring.Id], (await ListAsync($"categoryId={electrical}")).Items.Select(a => a.CohortId));
        Assert.Equal([wiring.Id], (await ListAsync("status=Applied")).Items.Select(a => a.CohortId));
        Assert.Equal(2, (await ListAsync("q=LEE@")).Items.Count); // an email prefix, any case
        Assert.Equal(2, (await ListAsync("q=" + Uri.EscapeDataString("용접"))).Items.Count); // part of the name
        Assert.Empty((await ListAsync("q=%25")).Items); // a wildcard is taken literally
        Assert.Empty((await ListAsync($"appliedBefore={Uri.EscapeDataString(all.Items[^1].AppliedAt.ToString("O"))}")).Items);

        var first = await ListAsync("limit=2");
        var rest = await ListAsync($"limit=2&cursor={Uri.EscapeDataString(first.NextCursor!)}");
        Assert.Equal(all.Items.Select(a => a.Id), first.Items.Concat(rest.Items).Select(a => a.Id));
        Assert.Null(rest.NextCursor);
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/cohort-applications?status=Sideways", admin)).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        // The export: every page (two rows a page would be two requests' worth), UTF-8 with a BOM, Korean intact, formulas defused.
        var export = await Client.SendAsync(HttpMethod.Get, $"/api/v1/admin/cohort-applications/export?cohortId={tig.Id}", admin);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cohort-applications.csv", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,cohortId,cohortTitle,categoryId,studentId,studentName,studentEmail,status,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("이용접", lines[2], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.Matches(@",\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+09:00,", lines[1]); // applied at, Korea time
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/admin/cohort-applications/export?appliedFrom=2026-11-02&appliedBefore=2026-11-01", admin))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        foreach (var path in new[] { "/api/v1/admin/cohort-applications", "/api/v1/admin/cohort-applications/export" })
        {
            await (await Client.SendAsync(HttpMethod.Get, path, kim)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await Client.SendAsync(HttpMethod.Get, path, lee)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
    }
}
