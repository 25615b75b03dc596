namespace LectureHub.Infrastructure.Courses;

/// <summary>
/// Bigram full-text search, for Korean. Trigram indexes cannot serve two-syllable words like 용접 or 배관, the most
/// common search terms here, and pg_bigm is not packaged for this platform. So text is split into words and each word
/// into overlapping two-character tokens (특수용접 → 특수 수용 용접); a query matches when all its bigrams are present
/// (용접기 → 용접 &amp; 접기), and a one-character query matches bigrams starting with it. A GIN index serves both.
/// The same functions (lh_bigrams, lh_bigram_query; created by the Catalog migration) build documents and queries, so
/// they cannot drift apart.
/// </summary>
public static class SearchSql
{
    public const string CourseVector = "SearchVector";

    /// <summary>Community posts: title and body, indexed by the same functions.</summary>
    public const string PostVector = "SearchVector";
    public const string UserNameVector = "NameVector";

    /// <summary>
    /// The name index covers course authors only. SearchCoursesHandler's instructor-name clause repeats this predicate
    /// word for word, which is how PostgreSQL knows the partial index can answer it.
    /// </summary>
    public const string AuthorsOnly = "role <> 'Student'";
}
