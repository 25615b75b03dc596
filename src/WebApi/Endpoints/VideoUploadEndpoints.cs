using System.Net.Http.Headers;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Media;
using LectureHub.Application.Media.Commands;
using LectureHub.Application.Media.Queries;
using LectureHub.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LectureHub.WebApi.Endpoints;

/// <summary>/video-uploads/{id}: resumable chunks, completion, status and rendition retries of an upload.</summary>
internal static class VideoUploadEndpoints
{
    /// <summary>Largest chunk body: the local storage's chunk limit, plus nothing (chunks are raw bytes).</summary>
    private const long MaxChunkBytes = 64L * 1024 * 1024;

    public static RouteGroupBuilder MapVideoUploadEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/video-uploads/{id:guid}").WithTags("Media").RequireAuthorization(AuthSetup.Instructor)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", async Task<Ok<VideoUploadDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetVideoUploadQuery(id), ct)))
            .WithSummary("An upload's state: receivedBytes to resume from, then Queued / Processing (progressPercent, per rendition) / Ready / Failed with the error");

        group.MapPut("/", async Task<Ok<VideoUploadDto>> (Guid id, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var (first, last, total) = ParseRange(request);
                return TypedResults.Ok(await sender.Send(new AppendVideoChunkCommand(id, first, last, total, request.Body), ct));
            })
            .WithMetadata(new RequestSizeLimitAttribute(MaxChunkBytes), new RequiredHeader("Content-Range", "bytes first-last/total of this chunk"))
            .InClass(EndpointClass.Upload)
            .Accepts<Stream>("application/octet-stream")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Send one chunk (at most 64 MiB) with 'Content-Range: bytes first-last/total'. A chunk must start at " +
                         "receivedBytes (else 409 UPLOAD_OFFSET_MISMATCH); the last one closes the upload and ffprobe checks it is a video.");

        group.MapPost("/complete", async Task<Ok<VideoUploadDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CompleteVideoUploadCommand(id), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Close an upload whose file went straight to object storage (S3: after the presigned PUT). Storage must hold " +
                         "exactly the declared size (else 409 UPLOAD_INCOMPLETE); then ffprobe checks it is a video and transcoding is queued. Safe to repeat.");

        group.MapPost("/renditions/{height:int}/retry", async Task<Ok<VideoUploadDto>> (Guid id, int height, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetryRenditionCommand(id, height), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Queue one failed rendition again; the others keep their output");

        return api;
    }

    private static (long First, long Last, long Total) ParseRange(HttpRequest request)
    {
        if (!ContentRangeHeaderValue.TryParse(request.Headers.ContentRange, out var range) ||
            range is not { Unit: "bytes", From: { } first, To: { } last, Length: { } total })
        {
            throw new BadRequestException("CONTENT_RANGE_INVALID", "A chunk needs 'Content-Range: bytes first-last/total'.");
        }

        if (request.ContentLength is { } length && length != last - first + 1)
        {
            throw new BadRequestException("CONTENT_RANGE_INVALID", $"Content-Length {length} does not match Content-Range {first}-{last}.");
        }

        return (first, last, total);
    }
}
