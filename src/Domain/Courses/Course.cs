using LectureHub.Domain.Common;

namespace LectureHub.Domain.Courses;

/// <summary>
/// A course and its curriculum (sections of lectures). The aggregate keeps positions dense (1..n) and guards the
/// status flow draft → published → archived.
/// </summary>
public sealed class Course : Entity
{
    public const int MaxTitleLength = 120;
    public const int MaxSummaryLength = 300;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxTags = 10;
    public const int MaxTagLength = 30;
    public const long MaxPriceKrw = 10_000_000;

    private readonly List<Section> _sections = [];

    private Course()
    {
    }

    public Guid InstructorId { get; private set; }

    public Guid CategoryId { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>Markdown.</summary>
    public string Description { get; private set; } = "";

    public CourseLevel Level { get; private set; }

    /// <summary>BCP 47 language tag, e.g. "ko".</summary>
    public string Language { get; private set; } = "ko";

    /// <summary>0 means free.</summary>
    public long PriceKrw { get; private set; }

    public List<string> Tags { get; private set; } = [];

    /// <summary>Content hash of the uploaded thumbnail; the resized files are named after it.</summary>
    public string? ThumbnailKey { get; private set; }

    public CourseStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public IReadOnlyList<Section> Sections => _sections;

    public IEnumerable<Lecture> Lectures => _sections.SelectMany(s => s.Lectures);

    public static Course Draft(Guid instructorId, CourseDetails details, DateTimeOffset now)
    {
        var course = new Course { InstructorId = instructorId, Status = CourseStatus.Draft, CreatedAt = now };
        course.Apply(details, now);
        return course;
    }

    public bool IsOwnedBy(Guid userId) => InstructorId == userId;

    public void UpdateDetails(CourseDetails details, DateTimeOffset now)
    {
        EnsureNotArchived();
        Apply(details, now);
    }

    /// <summary>
    /// Replaces the whole curriculum with the given order. Items with an id keep their identity (a lecture may move to
    /// another section); items without one are new; existing items left out are removed. Positions become 1..n.
    /// </summary>
    public void ReplaceCurriculum(IReadOnlyList<SectionPlan> plan, DateTimeOffset now)
    {
        EnsureNotArchived();
        var sectionsById = _sections.ToDictionary(s => s.Id);
        var lecturesById = Lectures.ToDictionary(l => l.Id);
        EnsureKnown(plan.Select(s => s.Id), sectionsById.Keys, "section");
        EnsureKnown(plan.SelectMany(s => s.Lectures).Select(l => l.Id), lecturesById.Keys, "lecture");

        var sections = plan.Select((sectionPlan, i) =>
        {
            var section = sectionPlan.Id is { } id ? sectionsById[id] : Section.Create(Id);
            section.Set(sectionPlan.Title, i + 1, sectionPlan.Lectures.Select((lecturePlan, j) =>
            {
                var lecture = lecturePlan.Id is { } lectureId ? lecturesById[lectureId] : Lecture.Create();
                lecture.Set(section.Id, lecturePlan.Title, j + 1, lecturePlan.DurationSeconds, lecturePlan.IsFreePreview);
                return lecture;
            }).ToList());
            return section;
        }).ToList();

        _sections.Clear();
        _sections.AddRange(sections);
        if (Status == CourseStatus.Published && !Lectures.Any())
        {
            throw new DomainException("COURSE_NEEDS_A_LECTURE", "A published course must keep at least one lecture.");
        }

        Touch(now);
    }

    public void SetThumbnail(string key, DateTimeOffset now)
    {
        EnsureNotArchived();
        ThumbnailKey = key;
        Touch(now);
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status == CourseStatus.Published)
        {
            return;
        }

        EnsureNotArchived();
        if (!Lectures.Any())
        {
            throw new DomainException("COURSE_NEEDS_A_LECTURE", "Add at least one lecture before publishing.");
        }

        Status = CourseStatus.Published;
        PublishedAt ??= now;
        Touch(now);
    }

    public void Archive(DateTimeOffset now)
    {
        if (Status == CourseStatus.Archived)
        {
            return;
        }

        if (Status == CourseStatus.Draft)
        {
            throw new DomainException("COURSE_NOT_PUBLISHED", "Only a published course can be archived; delete a draft instead.");
        }

        Status = CourseStatus.Archived;
        Touch(now);
    }

    private void Apply(CourseDetails details, DateTimeOffset now)
    {
        if (details.PriceKrw is < 0 or > MaxPriceKrw)
        {
            throw new DomainValidationException("COURSE_PRICE_INVALID", $"The price must be between 0 and {MaxPriceKrw:N0} KRW.");
        }

        CategoryId = details.CategoryId;
        Title = details.Title.Trim();
        Summary = details.Summary.Trim();
        Description = details.Description;
        Level = details.Level;
        Language = details.Language;
        PriceKrw = details.PriceKrw;
        Tags = details.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Touch(now);
    }

    /// <summary>Every change bumps UpdatedAt, so the course row changes and its concurrency token catches a lost update.</summary>
    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        if (!DomainEvents.OfType<CourseChanged>().Any())
        {
            Raise(new CourseChanged(Id, CategoryId));
        }
    }

    private void EnsureNotArchived()
    {
        if (Status == CourseStatus.Archived)
        {
            throw new DomainException("COURSE_ARCHIVED", "An archived course cannot be changed.");
        }
    }

    private static void EnsureKnown(IEnumerable<Guid?> ids, IEnumerable<Guid> known, string kind)
    {
        var given = ids.OfType<Guid>().ToList();
        if (given.Count != given.Distinct().Count())
        {
            throw new DomainValidationException("CURRICULUM_DUPLICATE_ID", $"A {kind} appears twice in the curriculum.");
        }

        var unknown = given.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainValidationException("CURRICULUM_UNKNOWN_ID", $"This course has no {kind} {unknown[0]}.");
        }
    }
}

/// <summary>The editable, descriptive part of a course.</summary>
public sealed record CourseDetails(
    Guid CategoryId, string Title, string Summary, string Description, CourseLevel Level, string Language, long PriceKrw, IReadOnlyList<string> Tags);

public sealed record SectionPlan(Guid? Id, string Title, IReadOnlyList<LecturePlan> Lectures);

public sealed record LecturePlan(Guid? Id, string Title, int DurationSeconds, bool IsFreePreview);

/// <summary>Raised once per command that changes a course; its handler purges the cached course page and popular lists.</summary>
public sealed record CourseChanged(Guid CourseId, Guid CategoryId) : IDomainEvent;
