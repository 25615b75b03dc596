using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LectureHub.IntegrationTests.Courses;
using LectureHub.IntegrationTests.Support;
using Npgsql;

namespace LectureHub.IntegrationTests.Cohorts;

/// <summary>The public cohort list, and the owner's list, changes and cancellation (issue #22).</summary>
public sealed class CohortConsoleTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly DateTimeOffset T0 = new(2027, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed record Card(Guid Id, Guid? CategoryId, string? Region, bool IsOnline, DateTimeOffset ClassStartsAt);

    private sealed record CardPage(List<Card> Items, string? NextCursor);

    private sealed record Owned(Guid Id, string Title, string Visibility, DateTimeOffset? CancelledAt, Seats Seats, int PendingReviews);

    private sealed record OwnedPage(List<Owned> Items, string? NextCursor);

    private sealed record Details(Guid Id, string Title, int FeeKrw, Seats Seats, DateTimeOffset? CancelledAt, string? CancellationReason, FormDto Form);

    private sealed record Cancelled(Guid Id, DateTimeOffset CancelledAt, string Reason, int ApplicationsCancelled);

    private static JsonNode Body(object cohort) => JsonSerializer.SerializeToNode(cohort, Api.Json)!;

    private static object Dated(int recruitDays, int classDays, bool online = false, string? region = null, Guid? categoryId = null, string visibility = "Public",
        int recruitStartDays = -1, int capacity = 3, int waitlist = 2, string selection = "FirstCome") => CohortApi.NewCohort(
        capacity, waitlist, selection, T0.AddDays(recruitStartDays), T0.AddDays(recruitDays), T0.AddDays(classDays), online, region, categoryId, visibility);

    private async Task<CardPage> PublicAsync(string query = "") =>
        await (await Client.GetAsync($"/api/v1/cohorts?{query}")).ReadAsync<CardPage>(HttpStatusCode.OK);

    private Task<HttpResponseMessage> ReviseAsync(Guid id, Tokens owner, JsonNode body) =>
        Client.SendAsync(HttpMethod.Put, $"/api/v1/cohorts/{id}", owner, body);

    private Task<HttpResponseMessage> CallOffAsync(Guid id, Tokens owner, string reason = "강사 부상으로 일정이 취소되었습니다") =>
        Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{id}/cancel", owner, new { reason });

    [Fact]
    public async Task The_public_list_filters_by_trade_online_region_and_class_dates_and_pages_soonest_deadline_first()
    {
        Factory.Clock.At = T0;
        var welding = await Factory.WeldingCategoryAsync();
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var seoul = await Client.CreateCohortAsync(owner, Dated(2, 10, region: "seoul", categoryId: welding));
        var online = await Client.CreateCohortAsync(owner, Dated(3, 20, online: true));
        var busan = await Client.CreateCohortAsync(owner, Dated(4, 30, region: "busan", categoryId: welding));
        var upcoming = await Client.CreateCohortAsync(owner, Dated(5, 40, online: true, recruitStartDays: 1));
        await Client.CreateCohortAsync(owner, Dated(2, 10, visibility: "Unlisted"));
        await Client.CreateCohortAsync(owner, Dated(-1, 10, recruitStartDays: -3));
        var called = await Client.CreateCohortAsync(owner, Dated(2, 10));
        await (await CallOffAsync(called.Id, owner)).ReadAsync<Cancelled>(HttpStatusCode.OK);
        await Api.SettledAsync();

        var first = await PublicAsync("limit=2");
        var second = await PublicAsync($"limit=2&cursor={first.NextCursor}");

        Assert.Equal([seoul.Id, online.Id], first.Items.Select(c => c.Id));
        Assert.Equal([busan.Id, upcoming.Id], second.Items.Select(c => c.Id));
        Assert.Null(second.NextCursor);
        Assert.Equal([seoul.Id, busan.Id], (await PublicAsync($"categoryId={welding}")).Items.Select(c => c.Id));
        Assert.Equal([online.Id, upcoming.Id], (await PublicAsync("isOnline=true")).Items.Select(c => c.Id));
        Assert.Equal([seoul.Id, busan.Id], (await PublicAsync("isOnline=false")).Items.Select(c => c.Id));
        Assert.Equal("busan", Assert.Single((await PublicAsync("region=busan")).Items).Region);
        var window = $"startsFrom={Uri.EscapeDataString(T0.AddDays(20).ToString("O"))}&startsBefore={Uri.EscapeDataString(T0.AddDays(40).ToString("O"))}";
        Assert.Equal([online.Id, busan.Id], (await PublicAsync(window)).Items.Select(c => c.Id));

        var problem = await (await Client.GetAsync("/api/v1/cohorts?region=mars")).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("seoul", problem.Errors!["region"][0], StringComparison.Ordinal);
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/cohorts", owner, Dated(2, 10, online: true, region: "seoul")))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "COHORT_REGION_INVALID");
        await (await Client.GetAsync("/api/v1/cohorts?cursor=garbage")).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task A_cohort_takes_its_courses_trade_unless_given_one()
    {
        Factory.Clock.At = T0;
        var welding = await Factory.WeldingCategoryAsync();
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var course = await Client.CreateCourseAsync(owner, welding);
        var body = Body(Dated(2, 10));
        body["courseId"] = course.Id;

        var cohort = await Client.CreateCohortAsync(owner, body);
        await Api.SettledAsync();

        Assert.Equal(welding, Assert.Single((await PublicAsync($"courseId={course.Id}")).Items).CategoryId);
        Assert.Equal(cohort.Id, Assert.Single((await PublicAsync($"categoryId={welding}")).Items).Id);
    }

    [Fact]
    public async Task The_owners_list_shows_their_cohorts_in_every_state_and_nobody_elses()
    {
        Factory.Clock.At = T0;
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var other = await Client.SignUpAsync("other@example.com", "Instructor");
        var reviewed = await Client.CreateCohortAsync(owner, Dated(2, 10, selection: "Review"));
        var unlisted = await Client.CreateCohortAsync(owner, Dated(2, 10, visibility: "Unlisted"));
        var called = await Client.CreateCohortAsync(owner, Dated(2, 10));
        await Client.CreateCohortAsync(other, Dated(2, 10));
        await (await Client.ApplyAsync(reviewed.Id, (await Factory.StudentsAsync(1))[0])).ReadAsync<Application>(HttpStatusCode.Created);
        await (await CallOffAsync(called.Id, owner)).ReadAsync<Cancelled>(HttpStatusCode.OK);
        await Api.SettledAsync();

        var page = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/cohorts", owner)).ReadAsync<OwnedPage>(HttpStatusCode.OK);
        var firstOfTwo = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/cohorts?limit=2", owner)).ReadAsync<OwnedPage>(HttpStatusCode.OK);
        var rest = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/instructor/cohorts?limit=2&cursor={firstOfTwo.NextCursor}", owner)).ReadAsync<OwnedPage>(HttpStatusCode.OK);

        Assert.Equal([called.Id, unlisted.Id, reviewed.Id], page.Items.Select(c => c.Id));
        Assert.NotNull(page.Items[0].CancelledAt);
        Assert.Equal("Unlisted", page.Items[1].Visibility);
        Assert.Equal(1, page.Items[2].PendingReviews);
        Assert.Equal(page.Items.Select(c => c.Id), firstOfTwo.Items.Concat(rest.Items).Select(c => c.Id));
        var student = await Client.SignUpAsync("student@example.com");
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/cohorts", student)).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Before_anyone_applies_everything_may_change_including_fewer_seats()
    {
        Factory.Clock.At = T0;
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, Dated(2, 10, capacity: 5, waitlist: 3));
        var body = Body(Dated(3, 12, online: true, capacity: 2, waitlist: 0, selection: "Review"));
        body["title"] = "TIG 용접 온라인 실습반";
        body["feeKrw"] = 90_000;
        body["questions"] = new JsonArray(JsonSerializer.SerializeToNode(new { key = "goal", label = "목표", kind = "Text", required = true, options = Array.Empty<string>() }, Api.Json));

        var revised = await (await ReviseAsync(cohort.Id, owner, body)).ReadAsync<Details>(HttpStatusCode.OK);
        await Api.SettledAsync();
        var stored = await (await Client.GetAsync($"/api/v1/cohorts/{cohort.Id}")).ReadAsync<Details>(HttpStatusCode.OK);

        Assert.Equal(("TIG 용접 온라인 실습반", 90_000, 2, 0), (stored.Title, stored.FeeKrw, stored.Seats.Capacity, stored.Seats.WaitlistCapacity));
        Assert.Equal((2, "goal"), (revised.Form.Version, Assert.Single(revised.Form.Questions).Key));
        Assert.Equal((2L, 0L, 0L), await PlacesAsync(cohort.Id));
    }

    [Fact]
    public async Task Once_people_applied_what_they_signed_up_for_is_fixed_and_added_seats_go_to_the_waitlist_in_order()
    {
        Factory.Clock.At = T0;
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, Dated(2, 10, capacity: 1, waitlist: 3));
        var students = await Factory.StudentsAsync(4);
        var applications = new List<Application>();
        foreach (var student in students)
        {
            applications.Add(await (await Client.ApplyAsync(cohort.Id, student)).ReadAsync<Application>(HttpStatusCode.Created));
        }

        foreach (var (field, value) in new (string, JsonNode)[] { ("feeKrw", 1_000), ("classStartsAt", T0.AddDays(11).ToString("O")), ("location", "부산"), ("selection", "Review") })
        {
            var moved = Body(Dated(2, 10, capacity: 1, waitlist: 3));
            moved[field] = value;
            var refused = await (await ReviseAsync(cohort.Id, owner, moved)).ProblemAsync(HttpStatusCode.Conflict, "COHORT_CHANGE_NOT_ALLOWED");
            Assert.Contains(field, refused.Detail, StringComparison.Ordinal);
        }

        await (await ReviseAsync(cohort.Id, owner, Body(Dated(2, 10, capacity: 1, waitlist: 2)))).ProblemAsync(HttpStatusCode.Conflict, "COHORT_CHANGE_NOT_ALLOWED");
        var grown = Body(Dated(5, 10, capacity: 3, waitlist: 3));
        grown["title"] = "TIG 용접 실습반 (증원)";
        var revised = await (await ReviseAsync(cohort.Id, owner, grown)).ReadAsync<Details>(HttpStatusCode.OK);
        await Api.SettledAsync();

        Assert.Equal((3, 3, 3, 1), (revised.Seats.Capacity, revised.Seats.Taken, revised.Seats.WaitlistCapacity, revised.Seats.Waitlisted));
        var review = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/cohorts/{cohort.Id}/applications", owner)).ReadAsync<ApplicationPage>(HttpStatusCode.OK);
        Assert.Equal(["Approved", "Approved", "Approved", "Waitlisted"], applications.Select(a => review.Items.Single(i => i.Id == a.Id).Status));
        Assert.Equal((3L, 3L, 4L), await PlacesAsync(cohort.Id));
        var past = Body(Dated(-1, 10, capacity: 3, waitlist: 3));
        await (await ReviseAsync(cohort.Id, owner, past)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "COHORT_SCHEDULE_INVALID");

        var other = await Client.SignUpAsync("other@example.com", "Instructor");
        await (await ReviseAsync(cohort.Id, other, grown)).ProblemAsync(HttpStatusCode.Forbidden, "NOT_COHORT_OWNER");
        await (await ReviseAsync(Guid.NewGuid(), owner, grown)).ProblemAsync(HttpStatusCode.NotFound, "COHORT_NOT_FOUND");
    }

    [Fact]
    public async Task Calling_a_cohort_off_cancels_every_active_application_frees_every_place_and_tells_each_applicant_why()
    {
        Factory.Clock.At = T0;
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, Dated(2, 10, capacity: 1, waitlist: 1));
        var kim = await Client.SignUpAsync("kim@example.com", displayName: "김용접");
        var jane = await Client.SignUpAsync("jane@example.com", displayName: "Jane", language: "en");
        var seated = await (await Client.ApplyAsync(cohort.Id, kim)).ReadAsync<Application>(HttpStatusCode.Created);
        var waiting = await (await Client.ApplyAsync(cohort.Id, jane)).ReadAsync<Application>(HttpStatusCode.Created);
        var other = await Client.SignUpAsync("other@example.com", "Instructor");
        await (await CallOffAsync(cohort.Id, other)).ProblemAsync(HttpStatusCode.Forbidden, "NOT_COHORT_OWNER");

        var cancelled = await (await CallOffAsync(cohort.Id, owner)).ReadAsync<Cancelled>(HttpStatusCode.OK);

        Assert.Equal((2, "강사 부상으로 일정이 취소되었습니다"), (cancelled.ApplicationsCancelled, cancelled.Reason));
        Assert.Equal((1L, 1L, 0L), await PlacesAsync(cohort.Id));
        var kimMail = (await Mailbox.WaitForAsync("kim@example.com", 2))[1];
        Assert.Equal("[LectureHub] 'TIG 용접 주말 실습반' 일정이 취소되었습니다", kimMail.Subject);
        Assert.Contains("사유: 강사 부상으로 일정이 취소되었습니다", kimMail.Text, StringComparison.Ordinal);
        var janeMail = (await Mailbox.WaitForAsync("jane@example.com", 2))[1];
        Assert.Equal($"<cohort-application.{waiting.Id:N}.cohortcancelled@lecturehub.local>", janeMail.MessageId);
        await Api.SettledAsync();
        var stored = await (await Client.GetAsync($"/api/v1/cohorts/{cohort.Id}")).ReadAsync<Details>(HttpStatusCode.OK);
        Assert.Equal(T0, stored.CancelledAt);
        var review = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/cohorts/{cohort.Id}/applications", owner)).ReadAsync<ApplicationPage>(HttpStatusCode.OK);
        Assert.All(review.Items, a => Assert.Equal("Cancelled", a.Status));
        Assert.Contains(review.Items, a => a.Id == seated.Id);

        await (await Client.ApplyAsync(cohort.Id, (await Factory.StudentsAsync(1))[0])).ProblemAsync(HttpStatusCode.Conflict, "COHORT_CANCELLED");
        await (await CallOffAsync(cohort.Id, owner)).ProblemAsync(HttpStatusCode.Conflict, "COHORT_CANCELLED");
        await (await ReviseAsync(cohort.Id, owner, Body(Dated(2, 10)))).ProblemAsync(HttpStatusCode.Conflict, "COHORT_CANCELLED");
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohort.Id}/cancel", owner, new { reason = "" })).ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task An_application_racing_the_cancellation_is_either_refused_or_cancelled_with_the_rest()
    {
        Factory.Clock.At = T0;
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, Dated(2, 10, capacity: 20, waitlist: 20));
        var students = await Factory.StudentsAsync(30);
        foreach (var student in students.Take(5))
        {
            await (await Client.ApplyAsync(cohort.Id, student)).ReadAsync<Application>(HttpStatusCode.Created);
        }

        using var start = new SemaphoreSlim(0);
        var applies = students.Skip(5).Select(async s =>
        {
            await start.WaitAsync();
            return (await Client.ApplyAsync(cohort.Id, s)).StatusCode;
        }).ToList();
        var cancel = Task.Run(async () =>
        {
            await start.WaitAsync();
            return await CallOffAsync(cohort.Id, owner);
        });
        start.Release(applies.Count + 1);
        var statuses = await Task.WhenAll(applies);
        var cancelled = await (await cancel).ReadAsync<Cancelled>(HttpStatusCode.OK);

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"apply answered {s}"));
        Assert.Equal(5 + statuses.Count(s => s == HttpStatusCode.Created), cancelled.ApplicationsCancelled);
        Assert.Equal(0L, (await PlacesAsync(cohort.Id)).Held);
        await using var db = await OpenPrimaryAsync();
        await using var active = new NpgsqlCommand("SELECT count(*) FROM cohort_applications WHERE cohort_id = @id AND status <> 'Cancelled'", db);
        active.Parameters.AddWithValue("id", cohort.Id);
        Assert.Equal(0L, (long)(await active.ExecuteScalarAsync())!);
    }

    /// <summary>A cohort's places on the primary: seat and waitlist rows, and how many of them are held.</summary>
    private static async Task<(long Seats, long Waitlist, long Held)> PlacesAsync(Guid cohortId)
    {
        await using var db = await OpenPrimaryAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE kind = 'Seat'), count(*) FILTER (WHERE kind = 'Waitlist'), count(student_id) FROM cohort_slots WHERE cohort_id = @id
            """, db);
        command.Parameters.AddWithValue("id", cohortId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<NpgsqlConnection> OpenPrimaryAsync()
    {
        var connection = new NpgsqlConnection(ApiFactory.PrimaryConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
