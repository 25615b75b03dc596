using LectureHub.Domain.Common;

namespace LectureHub.Domain.Cohorts;

/// <summary>What an owner sets when creating a cohort.</summary>
public sealed record CohortDetails(
    string Title,
    string Description,
    Guid? CourseId,
    int Capacity,
    int WaitlistCapacity,
    SelectionType Selection,
    DateTimeOffset RecruitStartsAt,
    DateTimeOffset RecruitEndsAt,
    DateTimeOffset ClassStartsAt,
    DateTimeOffset ClassEndsAt,
    string? Location,
    bool IsOnline,
    long FeeKrw,
    CohortVisibility Visibility,
    Guid? CategoryId = null,
    string? Region = null);

/// <summary>
/// A limited-seat class (an offline workshop or a live online class) that students apply to during a recruiting
/// window. Seats and waitlist places are counted in their own row (see the application layer's ICohortSeats), so a
/// sign-up rush never contends with the owner's edits here.
/// </summary>
public sealed class Cohort : Entity
{
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxLocationLength = 300;
    public const int MaxCapacity = 10_000;
    public const long MaxFeeKrw = 10_000_000;
    public const int MaxCancellationReasonLength = 1_000;

    private Cohort()
    {
    }

    public Guid OwnerId { get; private set; }

    public Guid? CourseId { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int Capacity { get; private set; }

    public int WaitlistCapacity { get; private set; }

    public SelectionType Selection { get; private set; }

    public DateTimeOffset RecruitStartsAt { get; private set; }

    public DateTimeOffset RecruitEndsAt { get; private set; }

    public DateTimeOffset ClassStartsAt { get; private set; }

    public DateTimeOffset ClassEndsAt { get; private set; }

    public string? Location { get; private set; }

    public bool IsOnline { get; private set; }

    public long FeeKrw { get; private set; }

    public CohortVisibility Visibility { get; private set; }

    /// <summary>The trade (a category), for the public list's filter; a course's cohort takes the course's unless given one.</summary>
    public Guid? CategoryId { get; private set; }

    /// <summary>Where an offline class is (one of <see cref="Regions"/>); online classes have none.</summary>
    public string? Region { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public CohortForm Form { get; private set; } = CohortForm.First([]);

    public IReadOnlyList<CohortTerm> Terms { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Cohort Create(Guid ownerId, CohortDetails details, IReadOnlyList<FormQuestion> questions, IReadOnlyList<CohortTerm> terms, DateTimeOffset now)
    {
        var cohort = new Cohort { OwnerId = ownerId, Form = CohortForm.First(questions), CreatedAt = now };
        cohort.Apply(details, now);
        cohort.Terms = FirstVersions(terms);
        return cohort;
    }

    /// <summary>
    /// The owner changes the details. Until someone applies, anything may change. After that, what applicants signed
    /// up for (course, selection, fee, schedule, place) is fixed: title, description, visibility, trade and when
    /// recruiting ends (not into the past) may change, and the seats and waitlist may grow but not shrink.
    /// </summary>
    public void Revise(CohortDetails details, bool anyApplications, DateTimeOffset now)
    {
        EnsureOpen(now);
        if (anyApplications)
        {
            var fixedFields = new (bool Changed, string Name)[]
            {
                (details.CourseId != CourseId, "courseId"),
                (details.Selection != Selection, "selection"),
                (details.FeeKrw != FeeKrw, "feeKrw"),
                (details.RecruitStartsAt != RecruitStartsAt, "recruitStartsAt"),
                (details.ClassStartsAt != ClassStartsAt || details.ClassEndsAt != ClassEndsAt, "classStartsAt/classEndsAt"),
                (details.IsOnline != IsOnline || Trimmed(details.Location) != Location || details.Region != Region, "isOnline/location/region"),
            }.Where(f => f.Changed).Select(f => f.Name).ToList();
            if (fixedFields.Count > 0)
            {
                throw new DomainException("COHORT_CHANGE_NOT_ALLOWED", $"People have applied, so {string.Join(", ", fixedFields)} can no longer change. To move the class, cancel this cohort (every applicant is told) and open a new one.");
            }

            if (details.Capacity < Capacity || details.WaitlistCapacity < WaitlistCapacity)
            {
                throw new DomainException("COHORT_CHANGE_NOT_ALLOWED", $"People have applied, so the seats ({Capacity}) and waitlist ({WaitlistCapacity}) can grow but not shrink.");
            }

            if (details.RecruitEndsAt != RecruitEndsAt && details.RecruitEndsAt < now)
            {
                throw new DomainValidationException("COHORT_SCHEDULE_INVALID", "Recruiting cannot be set to end in the past.");
            }
        }

        Apply(details, now);
    }

    /// <summary>The owner calls the cohort off before it ends; the caller cancels every active application, with notice.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        EnsureOpen(now);
        (CancelledAt, CancellationReason, UpdatedAt) = (now, reason.Trim(), now);
    }

    public bool IsCancelled => CancelledAt is not null;

    public bool IsOwnedBy(Guid userId) => OwnerId == userId;

    /// <summary>
    /// When an applicant given a seat now must have paid by: the end of the payment window, or the class's start if
    /// sooner. Null for a free cohort.
    /// </summary>
    public DateTimeOffset? PaymentDueFor(DateTimeOffset now, TimeSpan window) =>
        FeeKrw == 0 ? null : now + window < ClassStartsAt ? now + window : ClassStartsAt;

    public bool IsRecruiting(DateTimeOffset now) => !IsCancelled && now >= RecruitStartsAt && now < RecruitEndsAt;

    /// <summary>New questions make a new form version; applications keep the version they answered.</summary>
    public void ReviseForm(IReadOnlyList<FormQuestion> questions, DateTimeOffset now)
    {
        Form = Form.Revise(questions);
        UpdatedAt = now;
    }

    /// <summary>A term whose title, body or required flag changed gets the next version; applicants must accept the current one.</summary>
    public void ReviseTerms(IReadOnlyList<CohortTerm> terms, DateTimeOffset now)
    {
        CheckTerms(terms);
        var current = Terms.ToDictionary(t => t.Code, StringComparer.Ordinal);
        Terms = terms.Select(t => current.TryGetValue(t.Code, out var old)
            ? old with { Title = t.Title, Body = t.Body, Required = t.Required, Version = old.Title == t.Title && old.Body == t.Body && old.Required == t.Required ? old.Version : old.Version + 1 }
            : t with { Version = 1 }).ToList();
        UpdatedAt = now;
    }

    /// <summary>Everything an application must satisfy before a seat is looked for.</summary>
    public void CheckApplication(IReadOnlyList<FormAnswer> answers, IReadOnlyList<AcceptedTerm> accepted, DateTimeOffset now)
    {
        if (IsCancelled)
        {
            throw new DomainException("COHORT_CANCELLED", $"The cohort was cancelled: {CancellationReason}");
        }

        if (!IsRecruiting(now))
        {
            throw new DomainException("RECRUITMENT_CLOSED", now < RecruitStartsAt
                ? $"Recruiting opens at {RecruitStartsAt:O}."
                : $"Recruiting closed at {RecruitEndsAt:O}.");
        }

        Form.CheckAnswers(answers);
        var missing = Terms.Where(t => t.Required).FirstOrDefault(t => !accepted.Contains(new AcceptedTerm(t.Code, t.Version)));
        if (missing is not null)
        {
            throw new DomainValidationException("TERMS_NOT_ACCEPTED", $"Accept '{missing.Title}' (code {missing.Code}, version {missing.Version}) to apply.");
        }

        var unknown = accepted.FirstOrDefault(a => !Terms.Any(t => t.Code == a.Code && t.Version == a.Version));
        if (unknown is not null)
        {
            throw new DomainValidationException("TERMS_NOT_ACCEPTED", $"There is no term '{unknown.Code}' at version {unknown.Version}; reload the cohort.");
        }
    }

    private void Apply(CohortDetails d, DateTimeOffset now)
    {
        Check(d);
        (CourseId, Title, Description, Capacity, WaitlistCapacity, Selection) = (d.CourseId, d.Title.Trim(), d.Description, d.Capacity, d.WaitlistCapacity, d.Selection);
        (RecruitStartsAt, RecruitEndsAt, ClassStartsAt, ClassEndsAt) = (d.RecruitStartsAt, d.RecruitEndsAt, d.ClassStartsAt, d.ClassEndsAt);
        (Location, IsOnline, Region, FeeKrw, Visibility, CategoryId, UpdatedAt) = (Trimmed(d.Location), d.IsOnline, d.Region, d.FeeKrw, d.Visibility, d.CategoryId, now);
    }

    private void EnsureOpen(DateTimeOffset now)
    {
        if (IsCancelled)
        {
            throw new DomainException("COHORT_CANCELLED", "The cohort was cancelled; it can no longer change.");
        }

        if (now >= ClassEndsAt)
        {
            throw new DomainException("COHORT_ENDED", "The class has ended; the cohort can no longer change.");
        }
    }

    private static string? Trimmed(string? location) => string.IsNullOrWhiteSpace(location) ? null : location.Trim();

    private static void Check(CohortDetails d)
    {
        if (d.Capacity is < 1 or > MaxCapacity || d.WaitlistCapacity is < 0 or > MaxCapacity)
        {
            throw new DomainValidationException("COHORT_CAPACITY_INVALID", $"Capacity must be 1 to {MaxCapacity:N0}, and the waitlist 0 to {MaxCapacity:N0}.");
        }

        if (d.RecruitEndsAt <= d.RecruitStartsAt || d.ClassEndsAt <= d.ClassStartsAt || d.RecruitEndsAt > d.ClassStartsAt)
        {
            throw new DomainValidationException("COHORT_SCHEDULE_INVALID", "Recruiting must end after it starts and no later than the class starts, and the class must end after it starts.");
        }

        if (!d.IsOnline && string.IsNullOrWhiteSpace(d.Location))
        {
            throw new DomainValidationException("COHORT_LOCATION_REQUIRED", "An offline cohort needs a location.");
        }

        if (d.Region is not null && (d.IsOnline || !Regions.IsKnown(d.Region)))
        {
            throw new DomainValidationException("COHORT_REGION_INVALID", d.IsOnline
                ? "An online cohort has no region."
                : $"Region '{d.Region}' is not one of: {string.Join(", ", Regions.All)}.");
        }

        if (d.FeeKrw is < 0 or > MaxFeeKrw)
        {
            throw new DomainValidationException("COHORT_FEE_INVALID", $"The fee must be between 0 and {MaxFeeKrw:N0} KRW.");
        }
    }

    private static List<CohortTerm> FirstVersions(IReadOnlyList<CohortTerm> terms)
    {
        CheckTerms(terms);
        return terms.Select(t => t with { Version = 1 }).ToList();
    }

    private static void CheckTerms(IReadOnlyList<CohortTerm> terms)
    {
        if (terms.Count > CohortTerm.MaxTerms || terms.Select(t => t.Code).Distinct(StringComparer.Ordinal).Count() != terms.Count)
        {
            throw new DomainValidationException("COHORT_TERMS_INVALID", $"At most {CohortTerm.MaxTerms} terms, each with its own code.");
        }
    }
}
