using LectureHub.Domain.Common;

namespace LectureHub.Domain.Cohorts;

/// <summary>One question of an application form. Choice questions list their options; text questions have none.</summary>
public sealed record FormQuestion(string Key, string Label, QuestionKind Kind, bool Required, IReadOnlyList<string> Options)
{
    public const int MaxKeyLength = 40;
    public const int MaxLabelLength = 300;
    public const int MaxOptions = 20;
    public const int MaxOptionLength = 100;
    public const int MaxTextAnswerLength = 2_000;

    /// <summary>Equal in every part, the options compared item by item (record equality compares the lists' references).</summary>
    public bool SameAs(FormQuestion other) =>
        Key == other.Key && Label == other.Label && Kind == other.Kind && Required == other.Required && Options.SequenceEqual(other.Options);
}

/// <summary>An applicant's answer: one value for text and single choice, any number of options for multiple choice.</summary>
public sealed record FormAnswer(string Key, IReadOnlyList<string> Values);

/// <summary>
/// The application form at one version. Revising the questions makes a new version; every application keeps a copy of
/// the version it answered, so later revisions never change what an applicant was asked.
/// </summary>
public sealed record CohortForm(int Version, IReadOnlyList<FormQuestion> Questions)
{
    public const int MaxQuestions = 30;

    public static CohortForm First(IReadOnlyList<FormQuestion> questions) => new(1, Checked(questions));

    /// <summary>The next version, or this one when the questions are the same.</summary>
    public CohortForm Revise(IReadOnlyList<FormQuestion> questions) =>
        questions.Count == Questions.Count && questions.Zip(Questions).All(p => p.First.SameAs(p.Second)) ? this : new(Version + 1, Checked(questions));

    /// <summary>Checks answers against the questions: every required one answered, choices among the options.</summary>
    public void CheckAnswers(IReadOnlyList<FormAnswer> answers)
    {
        var byKey = new Dictionary<string, FormAnswer>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            if (!byKey.TryAdd(answer.Key, answer))
            {
                throw Invalid($"Question '{answer.Key}' is answered twice.");
            }
        }

        var unknown = byKey.Keys.Except(Questions.Select(q => q.Key), StringComparer.Ordinal).FirstOrDefault();
        if (unknown is not null)
        {
            throw Invalid($"The form (version {Version}) has no question '{unknown}'.");
        }

        foreach (var question in Questions)
        {
            var values = byKey.TryGetValue(question.Key, out var answer) ? answer.Values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList() : [];
            if (values.Count == 0)
            {
                if (question.Required)
                {
                    throw Invalid($"Question '{question.Key}' is required.");
                }

                continue;
            }

            switch (question.Kind)
            {
                case QuestionKind.Text when values.Count > 1 || values[0].Length > FormQuestion.MaxTextAnswerLength:
                    throw Invalid($"Question '{question.Key}' takes one text of at most {FormQuestion.MaxTextAnswerLength} characters.");
                case QuestionKind.SingleChoice when values.Count > 1:
                    throw Invalid($"Question '{question.Key}' takes one choice.");
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice when values.Except(question.Options, StringComparer.Ordinal).Any():
                    throw Invalid($"Question '{question.Key}' must be answered with its options: {string.Join(", ", question.Options)}.");
                case QuestionKind.MultipleChoice when values.Distinct(StringComparer.Ordinal).Count() != values.Count:
                    throw Invalid($"Question '{question.Key}' lists a choice twice.");
            }
        }
    }

    private static IReadOnlyList<FormQuestion> Checked(IReadOnlyList<FormQuestion> questions)
    {
        if (questions.Count > MaxQuestions)
        {
            throw new DomainValidationException("COHORT_FORM_INVALID", $"A form has at most {MaxQuestions} questions.");
        }

        if (questions.Select(q => q.Key).Distinct(StringComparer.Ordinal).Count() != questions.Count)
        {
            throw new DomainValidationException("COHORT_FORM_INVALID", "Question keys must be unique.");
        }

        var badChoice = questions.FirstOrDefault(q => q.Kind == QuestionKind.Text ? q.Options.Count > 0 : q.Options.Count < 2 || q.Options.Distinct(StringComparer.Ordinal).Count() != q.Options.Count);
        return badChoice is null
            ? questions
            : throw new DomainValidationException("COHORT_FORM_INVALID", $"Question '{badChoice.Key}': choice questions need two or more distinct options, and text questions none.");
    }

    private static DomainValidationException Invalid(string message) => new("APPLICATION_ANSWERS_INVALID", message);
}

/// <summary>A term applicants accept (privacy, refund rules, safety). Changing its text makes a new version.</summary>
public sealed record CohortTerm(string Code, int Version, string Title, string Body, bool Required)
{
    public const int MaxTerms = 10;
    public const int MaxCodeLength = 40;
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;
}

/// <summary>Which version of a term the applicant accepted.</summary>
public sealed record AcceptedTerm(string Code, int Version);
