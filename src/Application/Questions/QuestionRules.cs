using FluentValidation;
using LectureHub.Domain.Questions;

namespace LectureHub.Application.Questions;

internal static class QuestionRules
{
    public static void ValidQuestionText<T>(this AbstractValidator<T> validator, Func<T, string> title, Func<T, string> body)
    {
        validator.RuleFor(c => title(c)).NotEmpty().MaximumLength(Question.MaxTitleLength).OverridePropertyName("title");
        validator.RuleFor(c => body(c)).NotEmpty().MaximumLength(Question.MaxBodyLength).OverridePropertyName("body");
    }

    public static void ValidAnswerText<T>(this AbstractValidator<T> validator, Func<T, string> body) =>
        validator.RuleFor(c => body(c)).NotEmpty().MaximumLength(Answer.MaxBodyLength).OverridePropertyName("body");
}
