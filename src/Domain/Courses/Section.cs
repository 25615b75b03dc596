using LectureHub.Domain.Common;

namespace LectureHub.Domain.Courses;

public sealed class Section : Entity
{
    public const int MaxTitleLength = 120;

    private readonly List<Lecture> _lectures = [];

    private Section()
    {
    }

    public Guid CourseId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>1-based and dense within the course.</summary>
    public int Position { get; private set; }

    public IReadOnlyList<Lecture> Lectures => _lectures;

    internal static Section Create(Guid courseId) => new() { CourseId = courseId };

    internal void Set(string title, int position, List<Lecture> lectures)
    {
        Title = title.Trim();
        Position = position;
        _lectures.Clear();
        _lectures.AddRange(lectures);
    }
}

public sealed class Lecture : Entity
{
    public const int MaxTitleLength = 120;
    public const int MaxDurationSeconds = 6 * 60 * 60;

    private Lecture()
    {
    }

    public Guid SectionId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>1-based and dense within the section.</summary>
    public int Position { get; private set; }

    public int DurationSeconds { get; private set; }

    /// <summary>Anyone may watch a free-preview lecture, enrolled or not.</summary>
    public bool IsFreePreview { get; private set; }

    internal static Lecture Create() => new();

    internal void Set(Guid sectionId, string title, int position, int durationSeconds, bool isFreePreview)
    {
        if (durationSeconds is < 0 or > MaxDurationSeconds)
        {
            throw new DomainValidationException("LECTURE_DURATION_INVALID", $"A lecture lasts between 0 and {MaxDurationSeconds} seconds.");
        }

        SectionId = sectionId;
        Title = title.Trim();
        Position = position;
        DurationSeconds = durationSeconds;
        IsFreePreview = isFreePreview;
    }
}
