using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Cohorts;

public sealed class CohortTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] NotAnOption = ["10년"];

    [Fact]
    public async Task The_recruiting_list_shows_public_cohorts_until_their_deadline_with_live_seats()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var open = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 2, recruitEnds: DateTimeOffset.UtcNow.AddDays(3)));
        var later = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(recruitEnds: DateTimeOffset.UtcNow.AddDays(9), classStarts: DateTimeOffset.UtcNow.AddDays(10)));
        await Client.CreateCohortAsync(owner, CohortApi.NewCohort(recruitStarts: DateTimeOffset.UtcNow.AddDays(-3), recruitEnds: DateTimeOffset.UtcNow.AddDays(-1),
            classStarts: DateTimeOffset.UtcNow.AddDays(1)));
        var unlisted = System.Text.Json.JsonSerializer.SerializeToNode(CohortApi.NewCohort(), Api.Json)!;
        unlisted["visibility"] = "Unlisted";
        await Client.CreateCohortAsync(owner, unlisted);
        var student = (await Factory.StudentsAsync(1))[0];
        await (await Client.ApplyAsync(open.Id, student)).ReadAsync<Application>(HttpStatusCode.Created);
        await Api.SettledAsync();

        var list = (await (await Client.GetAsync("/api/v1/cohorts")).ReadAsync<CohortCardPage>(HttpStatusCode.OK)).Items;

        Assert.Equal([open.Id, later.Id], list.Select(c => c.Id));
        Assert.Equal((2, 1), (list[0].Seats.Capacity, list[0].Seats.Taken));
        Assert.Empty((await (await Client.GetAsync($"/api/v1/cohorts?courseId={Guid.NewGuid()}")).ReadAsync<CohortCardPage>(HttpStatusCode.OK)).Items);
    }

    [Fact]
    public async Task First_come_fills_the_seats_then_the_waitlist_then_answers_cohort_full()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 2, waitlist: 1));
        var students = await Factory.StudentsAsync(4);

        var outcomes = new List<Application>();
        foreach (var student in students.Take(3))
        {
            outcomes.Add(await (await Client.ApplyAsync(cohort.Id, student)).ReadAsync<Application>(HttpStatusCode.Created));
            if (outcomes.Count == 1)
            {
                // While seats are free the unique indexes turn a second application away, and its claim is rolled back.
                await (await Client.ApplyAsync(cohort.Id, student)).ProblemAsync(HttpStatusCode.Conflict, "ALREADY_APPLIED");
            }
        }

        await (await Client.ApplyAsync(cohort.Id, students[3])).ProblemAsync(HttpStatusCode.Conflict, "COHORT_FULL");
        Assert.Equal(["Approved", "Approved", "Waitlisted"], outcomes.Select(a => a.Status));
        Assert.Equal([null, null], outcomes.Take(2).Select(a => a.WaitlistNumber));
        Assert.NotNull(outcomes[2].WaitlistNumber);
        Assert.Equal(1, outcomes[0].FormVersion);
        var stats = await Client.StatsAsync(cohort.Id, owner);
        Assert.Equal((2, 2, 1, 1, 0), (stats.Capacity, stats.SeatsTaken, stats.WaitlistCapacity, stats.WaitlistLength, stats.PendingReviews));
        await (await Client.ApplyAsync(cohort.Id, students[0])).ProblemAsync(HttpStatusCode.Conflict, "ALREADY_APPLIED");
    }

    [Fact]
    public async Task A_cohort_has_one_row_per_place_and_the_database_refuses_a_student_two_places()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 2, waitlist: 1));
        Assert.Equal("Seat 1,Seat 2,Waitlist 1", await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString,
            "SELECT string_agg(kind || ' ' || number, ',' ORDER BY kind, number) FROM cohort_slots WHERE cohort_id = @id AND student_id IS NULL", ("id", cohort.Id)));
        var student = Guid.NewGuid();

        Assert.Equal(1, await Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString,
            "UPDATE cohort_slots SET student_id = @s WHERE cohort_id = @id AND kind = 'Seat' AND number = 1 RETURNING 1", ("id", cohort.Id), ("s", student)));
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Api.ScalarAsync<int>(ApiFactory.PrimaryConnectionString,
            "UPDATE cohort_slots SET student_id = @s WHERE cohort_id = @id AND kind = 'Waitlist' AND number = 1 RETURNING 1", ("id", cohort.Id), ("s", student)));
        Assert.Equal(Npgsql.PostgresErrorCodes.UniqueViolation, refused.SqlState);
    }

    [Fact]
    public async Task Cancelling_a_seat_promotes_the_first_waitlisted_and_keeps_the_counts()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 1, waitlist: 2));
        var students = await Factory.StudentsAsync(3);
        var applications = new List<Application>();
        foreach (var student in students)
        {
            applications.Add(await (await Client.ApplyAsync(cohort.Id, student)).ReadAsync<Application>(HttpStatusCode.Created));
        }

        var cancelled = await (await Client.CancelAsync(cohort.Id, applications[0].Id, students[0])).ReadAsync<Application>();

        Assert.Equal("Cancelled", cancelled.Status);
        var mine = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/enrollments", students[1])).ReadAsync<MyEnrollments>();
        Assert.Equal("Approved", Assert.Single(mine.Cohorts).Status);
        var third = await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me/enrollments", students[2])).ReadAsync<MyEnrollments>();
        Assert.Equal(("Waitlisted", 1L), (Assert.Single(third.Cohorts).Status, third.Cohorts[0].WaitlistPosition));
        var stats = await Client.StatsAsync(cohort.Id, owner);
        Assert.Equal((1, 1), (stats.SeatsTaken, stats.WaitlistLength));
        Assert.Equal(new Dictionary<string, int> { ["Cancelled"] = 1, ["Approved"] = 1, ["Waitlisted"] = 1 }, stats.ByStatus);

        await (await Client.CancelAsync(cohort.Id, applications[0].Id, students[0])).ProblemAsync(HttpStatusCode.Conflict, "APPLICATION_NOT_ACTIVE");
        await (await Client.CancelAsync(cohort.Id, applications[1].Id, students[2])).ProblemAsync(HttpStatusCode.NotFound, "APPLICATION_NOT_FOUND");
    }

    [Fact]
    public async Task Review_cohorts_wait_for_the_owner_who_approves_while_seats_last_or_rejects_with_a_reason()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var other = await Client.SignUpAsync("other@example.com", "Instructor");
        var cohort = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(capacity: 1, waitlist: 0, selection: "Review"));
        var students = await Factory.StudentsAsync(3);
        var applications = new List<Application>();
        foreach (var student in students)
        {
            applications.Add(await (await Client.ApplyAsync(cohort.Id, student)).ReadAsync<Application>(HttpStatusCode.Created));
        }

        Assert.All(applications, a => Assert.Equal("Applied", a.Status));
        Assert.Equal(3, (await Client.StatsAsync(cohort.Id, owner)).PendingReviews);
        var approve = (Application a) => $"/api/v1/cohorts/{cohort.Id}/applications/{a.Id}/approve";

        await (await Client.SendAsync(HttpMethod.Post, approve(applications[0]), other)).ProblemAsync(HttpStatusCode.Forbidden, "NOT_COHORT_OWNER");
        Assert.Equal("Approved", (await (await Client.SendAsync(HttpMethod.Post, approve(applications[0]), owner)).ReadAsync<Application>()).Status);
        await (await Client.SendAsync(HttpMethod.Post, approve(applications[1]), owner)).ProblemAsync(HttpStatusCode.Conflict, "COHORT_FULL");
        var rejected = await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohort.Id}/applications/{applications[2].Id}/reject", owner,
            new { reason = "실습 경력 1년 이상 대상입니다." })).ReadAsync<Application>();
        await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/cohorts/{cohort.Id}/applications/{applications[1].Id}/reject", owner, new { reason = "" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(("Rejected", "실습 경력 1년 이상 대상입니다."), (rejected.Status, rejected.RejectionReason));
        var stats = await Client.StatsAsync(cohort.Id, owner);
        Assert.Equal((1, 1), (stats.SeatsTaken, stats.PendingReviews));
        var pending = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/cohorts/{cohort.Id}/applications?status=Applied", owner)).ReadAsync<ApplicationPage>();
        Assert.Equal(applications[1].Id, Assert.Single(pending.Items).Id);
        Assert.Equal("자격증 취득", pending.Items[0].Answers.Single(a => a.Key == "motivation").Values.Single());
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/cohorts/{cohort.Id}/applications", students[0])).ProblemAsync(HttpStatusCode.Forbidden, "NOT_COHORT_OWNER");
    }

    [Fact]
    public async Task Applications_are_checked_against_the_window_the_form_and_the_terms()
    {
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");
        var closed = await Client.CreateCohortAsync(owner, CohortApi.NewCohort(recruitStarts: DateTimeOffset.UtcNow.AddDays(1), recruitEnds: DateTimeOffset.UtcNow.AddDays(2)));
        var open = await Client.CreateCohortAsync(owner);
        var student = (await Factory.StudentsAsync(1))[0];

        await (await Client.ApplyAsync(closed.Id, student)).ProblemAsync(HttpStatusCode.Conflict, "RECRUITMENT_CLOSED");
        await (await Client.ApplyAsync(open.Id, student, body: new { answers = Array.Empty<object>(), acceptedTerms = new[] { new { code = "safety", version = 1 } } }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "APPLICATION_ANSWERS_INVALID");
        await (await Client.ApplyAsync(open.Id, student, body: new
            {
                answers = new[] { new { key = "experience", values = NotAnOption } }, acceptedTerms = new[] { new { code = "safety", version = 1 } },
            }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "APPLICATION_ANSWERS_INVALID");
        await (await Client.ApplyAsync(open.Id, student, body: CohortApi.Answers(termVersion: 2))).ProblemAsync(HttpStatusCode.UnprocessableEntity, "TERMS_NOT_ACCEPTED");
        await (await Client.ApplyAsync(Guid.NewGuid(), student)).ProblemAsync(HttpStatusCode.NotFound, "COHORT_NOT_FOUND");
        Assert.Equal(0, (await Client.StatsAsync(open.Id, owner)).ByStatus.Values.Sum());
    }

    [Fact]
    public async Task Only_instructors_create_cohorts_and_bad_settings_are_named()
    {
        var student = await Client.SignUpAsync("student@example.com");
        var owner = await Client.SignUpAsync("owner@example.com", "Instructor");

        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/cohorts", student, CohortApi.NewCohort())).ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/cohorts", owner, CohortApi.NewCohort(capacity: 0))).ProblemAsync(HttpStatusCode.UnprocessableEntity, "COHORT_CAPACITY_INVALID");
        await (await Client.SendAsync(HttpMethod.Post, "/api/v1/cohorts", owner, CohortApi.NewCohort(classStarts: DateTimeOffset.UtcNow.AddDays(1))))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "COHORT_SCHEDULE_INVALID");
        var problem = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/cohorts", owner, new { title = "", capacity = 1 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("title", problem.Errors!.Keys);
    }
}

public sealed record MyEnrollments(List<MyCourse> Courses, List<MyCohort> Cohorts);

public sealed record MyCourse(Guid EnrollmentId, Guid CourseId, string Title, string Status, string Source);

public sealed record MyCohort(Guid ApplicationId, Guid CohortId, string Title, string Status, long? WaitlistPosition);

public sealed record ApplicationPage(List<Applicant> Items, string? NextCursor);

public sealed record Applicant(Guid Id, Guid StudentId, string StudentName, string Status, List<Answer> Answers);

public sealed record Answer(string Key, List<string> Values);
