namespace LectureHub.Application.Common;

/// <summary>Search text for SQL <c>LIKE … ESCAPE '\'</c>: its wildcards taken literally.</summary>
internal static class LikePattern
{
    public static string Literal(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
