using LectureHub.Application.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Reviews;

internal static class ReviewsServices
{
    public static void AddReviews(this Registration r) => r.Services.AddScoped<IReviewVotes, ReviewVotes>();
}
