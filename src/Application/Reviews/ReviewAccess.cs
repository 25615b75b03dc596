using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Reviews;

namespace LectureHub.Application.Reviews;

internal static class ReviewAccess
{
    public static NotFoundException NotFound(Guid id) => new("REVIEW_NOT_FOUND", $"Review {id} does not exist.");

    public static async Task<Review> LoadAsync(this IRepository<Review> reviews, Guid id, CancellationToken ct) =>
        await reviews.GetByIdAsync(id, ct) ?? throw NotFound(id);
}
