using FluentValidation;
using LectureHub.Domain.Reviews;

namespace LectureHub.Application.Reviews;

internal static class ReviewRules
{
    public static void ValidReview<T>(this AbstractValidator<T> validator, Func<T, int> rating, Func<T, string> body)
    {
        validator.RuleFor(c => rating(c)).InclusiveBetween(Review.MinRating, Review.MaxRating).OverridePropertyName("rating");
        validator.RuleFor(c => body(c)).NotEmpty().MaximumLength(Review.MaxBodyLength).OverridePropertyName("body");
    }
}
