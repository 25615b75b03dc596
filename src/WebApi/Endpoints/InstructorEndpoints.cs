using LectureHub.Application.Cohorts.Queries;
using LectureHub.Application.Courses.Queries;
using LectureHub.Application.Questions;
using LectureHub.Application.Questions.Queries;
using LectureHub.Application.Settlement;
using LectureHub.Application.Settlement.Commands;
using LectureHub.Application.Settlement.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LectureHub.WebApi.Endpoints;

/// <summary>/instructor/…: the signed-in instructor's sales dashboard, statements and question queue.</summary>
internal static class InstructorEndpoints
{
    public static RouteGroupBuilder MapInstructorEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/instructor").WithTags("Settlement").RequireAuthorization(AuthSetup.Instructor)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/dashboard", async Task<Ok<InstructorDashboardDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetInstructorDashboardQuery(), ct)))
            .WithSummary("Your sales and what you are owed: sales count, gross, refunds, commission and net, pending (not yet in a statement) vs payable (closed, awaiting payout) vs paid");

        group.MapGet("/courses", async Task<Ok<InstructorCoursePage>> ([AsParameters] ListMyCoursesQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .WithTags("Courses")
            .ProducesValidationProblem()
            .WithSummary("Your courses in every state, newest first (keyset pages): active enrolments, completions and rate, rating, unanswered questions, gross and net sales");

        group.MapGet("/courses/{id:guid}/students", async Task<Ok<CourseStudentPage>> (Guid id, ISender sender, CancellationToken ct, string? cursor = null, int limit = 50) =>
                TypedResults.Ok(await sender.Send(new ListCourseStudentsQuery(id, cursor, limit), ct)))
            .WithTags("Courses")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One of your courses' students, latest enrolled first (keyset pages): name, enrolled, verified progress, last watched, completed");

        group.MapGet("/courses/{id:guid}/analytics", async Task<Ok<CourseAnalyticsDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCourseAnalyticsQuery(id), ct)))
            .WithTags("Courses")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One of your courses' progress distribution, and per lecture: started, completed, and the audience at each 5 % of it (where viewers stop)");

        group.MapGet("/cohorts", async Task<Ok<OwnedCohortPage>> ([AsParameters] ListMyCohortsQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .WithTags("Cohorts")
            .ProducesValidationProblem()
            .WithSummary("The cohorts you opened in every state (unlisted, past, cancelled), newest first (keyset pages), with seats and pending reviews");

        group.MapGet("/statements", async Task<Ok<IReadOnlyList<StatementDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListStatementsQuery(AllInstructors: false), ct)))
            .WithSummary("Your monthly statements, newest first");

        group.MapGet("/payout-account", async Task<Ok<PayoutAccountDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMyPayoutAccountQuery(), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Where your statements are paid (the account number masked)");

        group.MapPut("/payout-account", async Task<Ok<PayoutAccountDto>> (SetPayoutAccountCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command, ct)))
            .ProducesValidationProblem()
            .WithSummary("Set where your statements are paid: bank, account number (stored sealed), holder (needs a recent step-up)");

        group.MapGet("/questions", async Task<Ok<QuestionPage>> ([AsParameters] ListMyCourseQuestionsQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .WithTags("Questions")
            .ProducesValidationProblem()
            .WithSummary("Questions across your courses, newest first; by default only those nobody has answered yet (unanswered=false for all)");

        return api;
    }
}
