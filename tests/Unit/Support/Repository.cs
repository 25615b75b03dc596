namespace LectureHub.UnitTests.Support;

/// <summary>The checkout the tests run from, for tests that read its files (docs, deploy/).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "LectureHub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LectureHub.sln not found above " + AppContext.BaseDirectory);
    }
}
