using LectureHub.Application.Courses;
using LectureHub.Application.Courses.Commands;
using LectureHub.Application.Courses.Queries;
using LectureHub.Application.Enrollments.Commands;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Questions;
using LectureHub.Application.Questions.Commands;
using LectureHub.Application.Questions.Queries;
using LectureHub.Application.Reviews;
using LectureHub.Application.Reviews.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LectureHub.WebApi.Endpoints;

internal static class CourseEndpoints
{
    public sealed record ReviewText(int Rating, string Body);

    public sealed record QuestionText(string Title, string Body, Guid? LectureId = null, int? AtSeconds = null);

    public static RouteGroupBuilder MapCourseEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/courses").WithTags("Courses");

        group.MapGet("/", async Task<Ok<CourseSearchPage>> ([AsParameters] SearchCoursesQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("Search published courses: q (Korean partial words), filters, sort, keyset cursor; facets on the first page");

        group.MapGet("/{id:guid}", async Task<Ok<CourseDetailDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCourseQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A course page: details, curriculum, instructor, counts, and whether the caller liked it");

        var authoring = group.MapGroup("/").RequireAuthorization(AuthSetup.Instructor)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        authoring.MapPost("/", async Task<Created<CourseDraftDto>> (CreateCourseCommand command, ISender sender, CancellationToken ct) =>
            {
                var course = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/courses/{course.Id}", course);
            })
            .WithSummary("Start a course as a draft (Instructor)");

        authoring.MapPut("/{id:guid}", async Task<Ok<CourseDraftDto>> (Guid id, UpdateCourseCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { Id = id }, ct)))
            .WithSummary("Replace a course's details (its instructor or an Admin)");

        authoring.MapPut("/{id:guid}/curriculum", async Task<Ok<CourseDraftDto>> (Guid id, ReplaceCurriculumCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { CourseId = id }, ct)))
            .WithSummary("Set the sections and lectures in order; ids keep existing items, missing ones are removed");

        authoring.MapPost("/{id:guid}/thumbnail", async Task<Ok<CourseDraftDto>> (Guid id, IFormFile file, ISender sender, CancellationToken ct) =>
            {
                await using var image = file.OpenReadStream();
                return TypedResults.Ok(await sender.Send(new SetCourseThumbnailCommand(id, image, file.Length), ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ThumbnailDto.MaxUploadBytes + (64 * 1024)))
            .InClass(EndpointClass.Upload)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Upload a thumbnail (multipart field 'file': JPEG, PNG or WebP, at most 5 MB); served resized at 320, 640 and 1280 px");

        authoring.MapPost("/{id:guid}/publish", async Task<Ok<CourseDraftDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PublishCourseCommand(id), ct)))
            .WithSummary("Publish a draft (needs at least one lecture)");

        authoring.MapPost("/{id:guid}/archive", async Task<Ok<CourseDraftDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ArchiveCourseCommand(id), ct)))
            .WithSummary("Take a published course off the catalog");

        var likes = group.MapGroup("/{id:guid}/like").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

        likes.MapPut("/", async Task<Ok<LikeStateDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new LikeCourseCommand(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Like a published course (idempotent)");

        likes.MapDelete("/", async Task<Ok<LikeStateDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UnlikeCourseCommand(id), ct)))
            .WithSummary("Remove a like (idempotent)");

        group.MapGet("/{id:guid}/reviews", async Task<Ok<ReviewPage>> (Guid id, ISender sender, CancellationToken ct,
                    ReviewSort sort = ReviewSort.Newest, bool watchedHalf = false, string? cursor = null, int limit = 20) =>
                TypedResults.Ok(await sender.Send(new ListCourseReviewsQuery(id, sort, watchedHalf, cursor, limit), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A course's reviews with each reviewer's verified progress; watchedHalf keeps those who had watched half; the first page has the rating summary");

        group.MapPost("/{id:guid}/reviews", async Task<Created<ReviewDto>> (Guid id, ReviewText body, ISender sender, CancellationToken ct) =>
            {
                var reviewId = await sender.Send(new Application.Reviews.Commands.WriteReviewCommand(id, body.Rating, body.Body), ct);
                return TypedResults.Created($"/api/v1/reviews/{reviewId}", await sender.Send(new GetReviewQuery(reviewId), ct));
            })
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Review a course you are enrolled in, once (rating 1-5 and text); the course's rating moves at once");

        group.MapGet("/{id:guid}/questions", async Task<Ok<QuestionPage>> (Guid id, ISender sender, CancellationToken ct,
                    Guid? lectureId = null, bool unanswered = false, string? cursor = null, int limit = 20) =>
                TypedResults.Ok(await sender.Send(new ListCourseQuestionsQuery(id, lectureId, unanswered, cursor, limit), ct)))
            .WithTags("Questions")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A course's questions, newest first; lectureId for one lecture's, unanswered for those without an answer");

        group.MapPost("/{id:guid}/questions", async Task<Created<QuestionDto>> (Guid id, QuestionText body, ISender sender, CancellationToken ct) =>
            {
                var questionId = await sender.Send(new AskQuestionCommand(id, body.LectureId, body.AtSeconds, body.Title, body.Body), ct);
                return TypedResults.Created($"/api/v1/questions/{questionId}", await sender.Send(new GetQuestionQuery(questionId), ct));
            })
            .WithTags("Questions")
            .RequireAuthorization()
            .RequireWriteQuota(WriteKind.Question)
            .WithMetadata(new RequestSizeLimitAttribute(PostEndpoints.MaxWriteBytes))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Ask on a course you are enrolled in (Markdown body), optionally about a lecture and a moment in it (atSeconds); the instructor is notified");

        group.MapPost("/{id:guid}/enrollment", async Task<Results<Created<EnrollmentDto>, Ok<EnrollmentDto>>> (Guid id, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new EnrollInFreeCourseCommand(id), ct);
                return result.Created
                    ? TypedResults.Created($"/api/v1/me/enrollments", result.Enrollment)
                    : TypedResults.Ok(result.Enrollment);
            })
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Enrol in a free published course: 201 the first time, 200 with the same enrolment after; 409 PAYMENT_REQUIRED for paid courses");

        return api;
    }
}
