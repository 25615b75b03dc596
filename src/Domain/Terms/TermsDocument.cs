using LectureHub.Domain.Common;

namespace LectureHub.Domain.Terms;

/// <summary>The three sets of terms a user agrees to. Service and privacy are required to use the service; marketing is a choice.</summary>
public enum TermsKind
{
    Service,
    Privacy,
    Marketing,
}

/// <summary>
/// One published version of one kind of terms. Versions count up from 1 per kind and are never edited: a change is a
/// new version, and the newest is the one in force. The cohort terms an instructor writes are a different thing (<c>Cohort</c>).
/// </summary>
public sealed class TermsDocument : Entity
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 100_000;

    private TermsDocument()
    {
    }

    public TermsKind Kind { get; private set; }

    public int Version { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Markdown.</summary>
    public string Body { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    public static bool IsRequired(TermsKind kind) => kind is not TermsKind.Marketing;

    /// <param name="version">One past the newest of its kind (the unique index on kind and version refuses a second).</param>
    public static TermsDocument Publish(TermsKind kind, int version, string title, string body, DateTimeOffset now) =>
        version < 1
            ? throw new DomainException("TERMS_VERSION_INVALID", "Terms versions start at 1.")
            : new TermsDocument { Kind = kind, Version = version, Title = title.Trim(), Body = body, PublishedAt = now };
}

/// <summary>One decision of one user about one version of terms, kept for as long as the account: what they agreed to (or withdrew) and when.</summary>
public sealed class TermsDecision : Entity
{
    private TermsDecision()
    {
    }

    public Guid UserId { get; private set; }

    public TermsKind Kind { get; private set; }

    public int Version { get; private set; }

    /// <summary>False for a withdrawal (marketing only: the required terms are withdrawn by deleting the account).</summary>
    public bool Agreed { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public static TermsDecision Record(Guid userId, TermsKind kind, int version, bool agreed, DateTimeOffset now) =>
        new() { UserId = userId, Kind = kind, Version = version, Agreed = agreed, DecidedAt = now };
}
