namespace LectureHub.Infrastructure.Persistence;

/// <summary>
/// Bigram full-text search, for Korean. Trigram indexes cannot serve two-syllable words like 용접 or 배관, the most
/// common search terms here, and pg_bigm is not packaged for this platform. So text is split into words and each word
/// into overlapping two-character tokens (특수용접 → 특수 수용 용접); a query matches when all its bigrams are present
/// (용접기 → 용접 &amp; 접기), and a one-character query matches bigrams starting with it. A GIN index serves both.
/// The same functions build documents and queries, so they cannot drift apart.
/// </summary>
public static class SearchSql
{
    public const string CourseVector = "SearchVector";
    public const string UserNameVector = "NameVector";

    /// <summary>
    /// The name index covers course authors only. SearchCoursesHandler's instructor-name clause repeats this predicate
    /// word for word, which is how PostgreSQL knows the partial index can answer it.
    /// </summary>
    public const string AuthorsOnly = "role <> 'Student'";

    public const string CreateFunctions = """
        CREATE OR REPLACE FUNCTION lh_words(input text) RETURNS SETOF text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT w FROM regexp_split_to_table(lower(coalesce(input, '')), '[^[:alnum:]]+') AS w WHERE w <> ''
        $$;

        CREATE OR REPLACE FUNCTION lh_bigrams(input text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT coalesce(string_agg(CASE WHEN length(w) = 1 THEN w ELSE substr(w, i, 2) END, ' '), '')
            FROM lh_words(input) AS w, generate_series(1, greatest(length(w) - 1, 1)) AS i
        $$;

        CREATE OR REPLACE FUNCTION lh_bigram_query(input text) RETURNS tsquery
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT to_tsquery('simple', string_agg(
                CASE WHEN length(w) = 1 THEN quote_literal(w) || ':*' ELSE quote_literal(substr(w, i, 2)) END, ' & '))
            FROM lh_words(input) AS w, generate_series(1, greatest(length(w) - 1, 1)) AS i
        $$;

        CREATE OR REPLACE FUNCTION lh_tags_text(tags text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(tags, ' ') $$;
        """;

    public const string DropFunctions = """
        DROP FUNCTION IF EXISTS lh_tags_text(text[]);
        DROP FUNCTION IF EXISTS lh_bigram_query(text);
        DROP FUNCTION IF EXISTS lh_bigrams(text);
        DROP FUNCTION IF EXISTS lh_words(text);
        """;
}
