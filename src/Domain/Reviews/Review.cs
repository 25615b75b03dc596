using LectureHub.Domain.Common;

namespace LectureHub.Domain.Reviews;

/// <summary>
/// A student's review of a course: one per student and course (a unique index), written while enrolled, editable. It
/// keeps the reviewer's server-verified progress when it was written (or last edited). Its rating counts toward the
/// course's average while the enrolment is active: a refund takes it out (and marks the review), buying again puts it
/// back. The instructor replies once. <see cref="Revision"/> is the concurrency token: two edits, or an edit and a
/// refund, cannot both move the course's rating from the same starting point; helpful votes (a counter) do not touch it.
/// </summary>
public sealed class Review : Entity
{
    public const int MaxBodyLength = 2_000;
    public const int MaxReplyLength = 2_000;
    public const int MinRating = 1;
    public const int MaxRating = 5;

    private Review()
    {
    }

    public Guid CourseId { get; private set; }

    public Guid StudentId { get; private set; }

    public int Rating { get; private set; }

    public string Body { get; private set; } = "";

    /// <summary>Percent of the course's video the reviewer had watched (server-verified), when writing or last editing.</summary>
    public double ProgressPercent { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public string? Reply { get; private set; }

    public DateTimeOffset? RepliedAt { get; private set; }

    /// <summary>Whether the rating is in the course's average: true while the reviewer's enrolment is active.</summary>
    public bool CountsTowardRating { get; private set; }

    public int Revision { get; private set; }

    public static Review Write(Guid courseId, Guid studentId, int rating, string body, double progressPercent, DateTimeOffset now)
    {
        EnsureRating(rating);
        var review = new Review
        {
            CourseId = courseId, StudentId = studentId, Rating = rating, Body = body.Trim(), ProgressPercent = progressPercent, CreatedAt = now,
            CountsTowardRating = true,
        };
        review.Raise(new ReviewChanged(review.Id, courseId));
        return review;
    }

    /// <summary>Returns how the course's rating sum moves (0 when the rating does not count).</summary>
    public int Edit(int rating, string body, double progressPercent, DateTimeOffset now)
    {
        EnsureRating(rating);
        var delta = CountsTowardRating ? rating - Rating : 0;
        (Rating, Body, ProgressPercent, EditedAt) = (rating, body.Trim(), progressPercent, now);
        Revision++;
        Raise(new ReviewChanged(Id, CourseId));
        return delta;
    }

    public void ReplyAsInstructor(string text, DateTimeOffset now)
    {
        if (Reply is not null)
        {
            throw new DomainException("REVIEW_ALREADY_REPLIED", "The instructor has replied to this review already.");
        }

        (Reply, RepliedAt) = (text.Trim(), now);
        Revision++;
        Raise(new ReviewChanged(Id, CourseId));
        Raise(new ReviewReplied(Id));
    }

    private static void EnsureRating(int rating)
    {
        if (rating is < MinRating or > MaxRating)
        {
            throw new DomainValidationException("REVIEW_RATING_INVALID", $"A rating is {MinRating} to {MaxRating}.");
        }
    }
}

/// <summary>A review was written or changed: the course page (which shows the rating) is purged.</summary>
public sealed record ReviewChanged(Guid ReviewId, Guid CourseId) : IDomainEvent;

/// <summary>The instructor replied: the reviewer is told.</summary>
public sealed record ReviewReplied(Guid ReviewId) : IDomainEvent;
