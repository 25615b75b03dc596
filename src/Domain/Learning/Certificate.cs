using System.Security.Cryptography;
using LectureHub.Domain.Common;

namespace LectureHub.Domain.Learning;

/// <summary>
/// Proof that a student completed a course (see <see cref="WatchRules"/>): one per (student, course), issued once and
/// kept. Names and titles are copied at issue, so the certificate still says what it said if the course is renamed.
/// Anyone holding the code can verify it.
/// </summary>
public sealed class Certificate : Entity
{
    /// <summary>Crockford's base32: no I, L, O or U, so a code read aloud or retyped survives.</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private Certificate()
    {
    }

    /// <summary>12 random symbols (60 bits) in three groups: LH-XXXX-XXXX-XXXX.</summary>
    public string Code { get; private set; } = "";

    public Guid StudentId { get; private set; }

    public Guid CourseId { get; private set; }

    public string StudentName { get; private set; } = "";

    public string CourseTitle { get; private set; } = "";

    public string InstructorName { get; private set; } = "";

    public DateTimeOffset CompletedAt { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public static Certificate Issue(Guid studentId, Guid courseId, string studentName, string courseTitle, string instructorName,
        DateTimeOffset completedAt, DateTimeOffset now)
    {
        var certificate = new Certificate
        {
            Code = NewCode(), StudentId = studentId, CourseId = courseId, StudentName = studentName, CourseTitle = courseTitle,
            InstructorName = instructorName, CompletedAt = completedAt, IssuedAt = now,
        };
        certificate.Raise(new CertificateIssued(certificate.Id, studentId, courseId));
        return certificate;
    }

    /// <summary>Upper-cases and restores the dashes, so "lh-abcd…" and "LHABCD…" find the same certificate.</summary>
    public static string NormalizeCode(string code)
    {
        var symbols = new string(code.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (symbols.StartsWith("LH", StringComparison.Ordinal))
        {
            symbols = symbols[2..];
        }

        return symbols.Length == 12 ? $"LH-{symbols[..4]}-{symbols[4..8]}-{symbols[8..]}" : code;
    }

    private static string NewCode()
    {
        var symbols = RandomNumberGenerator.GetString(Alphabet, 12);
        return $"LH-{symbols[..4]}-{symbols[4..8]}-{symbols[8..]}";
    }
}

public sealed record CertificateIssued(Guid CertificateId, Guid StudentId, Guid CourseId) : IDomainEvent;
