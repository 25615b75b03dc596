using System.Text.RegularExpressions;
using LectureHub.WebApi.Infrastructure;

namespace LectureHub.UnitTests.WebApi;

/// <summary>The error catalogue against the source: every code used is listed, with the status its throw site gives.</summary>
public sealed partial class ErrorCatalogTests
{
    /// <summary>
    /// Upper-case strings in the source that are not our error codes: the gateway's codes and payment statuses, file
    /// magic, hash names, a SQL placeholder, a development key id and a category label.
    /// </summary>
    private static readonly HashSet<string> NotOurCodes =
    [
        "ALREADY_PROCESSED_PAYMENT", "NOT_FOUND_PAYMENT", "UNKNOWN", "DONE", "CANCELED", "PARTIAL_CANCELED", "ABORTED", "EXPIRED",
        "WEBVTT", "WEBP", "RIFF", "AC10", "SECTION", "SHA1", "SHA256", "LOCK_MODE", "LOCALDEV", "HVAC", "OTEL_EXPORTER_OTLP_ENDPOINT", "S256",
    ];

    private static readonly Dictionary<string, int> StatusOfException = new()
    {
        ["BadRequest"] = 400, ["Unauthorized"] = 401, ["Forbidden"] = 403, ["NotFound"] = 404, ["Conflict"] = 409,
        ["Unprocessable"] = 422, ["TooManyRequests"] = 429, ["ServiceUnavailable"] = 503, ["Domain"] = 409, ["DomainValidation"] = 422,
    };

    private static readonly string Root = Support.Repository.Root;

    private static readonly Dictionary<string, ErrorCatalog.Entry> Catalog = ErrorCatalog.All.ToDictionary(e => e.Code);

    [Fact]
    public void Every_code_the_source_uses_is_in_the_catalogue_with_the_status_its_exception_gives()
    {
        var problems = new List<string>();
        foreach (var (file, line, code, exception) in CodeUses())
        {
            if (!Catalog.TryGetValue(code, out var entry))
            {
                problems.Add($"{file}:{line} uses {code}, which the catalogue lacks");
            }
            else if (exception is not null && StatusOfException.TryGetValue(exception, out var status) && !entry.Statuses.Contains(status))
            {
                problems.Add($"{file}:{line} throws {code} as {status}, the catalogue says {string.Join("/", entry.Statuses)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_catalogued_code_is_unique_and_used()
    {
        var source = string.Concat(SourceFiles().Select(File.ReadAllText));

        Assert.Equal(Catalog.Count, ErrorCatalog.All.Count());
        var unused = Catalog.Keys.Where(code => !source.Contains($"\"{code}\"", StringComparison.Ordinal)).ToList();
        Assert.True(unused.Count == 0, "catalogued but never used: " + string.Join(", ", unused));
    }

    [Fact]
    public void Docs_errors_md_is_the_catalogue()
    {
        var docs = File.ReadAllText(Path.Combine(Root, "docs", "errors.md"));

        Assert.True(docs == ErrorCatalog.Document(), "docs/errors.md is stale: dotnet src/WebApi/bin/Debug/net10.0/LectureHub.WebApi.dll errors > docs/errors.md");
    }

    private static IEnumerable<(string File, int Line, string Code, string? Exception)> CodeUses()
    {
        foreach (var file in SourceFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in CodeLiteral().Matches(lines[i]))
                {
                    if (NotOurCodes.Contains(m.Groups[1].Value))
                    {
                        continue;
                    }

                    // The exception named on the same line before the code: `new ConflictException("X"` or `NotFoundException F(...) => new("X"`.
                    var before = ExceptionName().Matches(lines[i][..m.Index]);
                    yield return (Path.GetRelativePath(Root, file), i + 1, m.Groups[1].Value, before.Count > 0 ? before[^1].Groups[1].Value : null);
                }
            }
        }
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "ErrorCatalog.cs");

    [GeneratedRegex("\"([A-Z][A-Z0-9_]{3,})\"")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"(\w+?)Exception\b")]
    private static partial Regex ExceptionName();
}
