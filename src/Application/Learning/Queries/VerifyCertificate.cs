using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Learning;
using Mediator;

namespace LectureHub.Application.Learning.Queries;

/// <summary>Public: anyone with a certificate's code (an employer, a site foreman) can check what it certifies.</summary>
public sealed record VerifyCertificateQuery(string Code) : IQuery<CertificateDto>;

/// <summary>The signed-in student's certificates, newest first.</summary>
public sealed record ListMyCertificatesQuery : IQuery<IReadOnlyList<CertificateDto>>;

internal sealed class CertificateQueriesHandler(IReadDb db, ICurrentUser currentUser)
    : IQueryHandler<VerifyCertificateQuery, CertificateDto>, IQueryHandler<ListMyCertificatesQuery, IReadOnlyList<CertificateDto>>
{
    private const string Columns = """
        SELECT code AS "Code", course_id AS "CourseId", course_title AS "CourseTitle", student_name AS "StudentName",
               instructor_name AS "InstructorName", completed_at AS "CompletedAt", issued_at AS "IssuedAt"
        FROM certificates
        """;

    public async ValueTask<CertificateDto> Handle(VerifyCertificateQuery query, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<CertificateDto>($"{Columns} WHERE code = @Code", new { Code = Certificate.NormalizeCode(query.Code) }, cancellationToken)
        ?? throw new NotFoundException("CERTIFICATE_NOT_FOUND", "No certificate has this code. Check it against the certificate.");

    public async ValueTask<IReadOnlyList<CertificateDto>> Handle(ListMyCertificatesQuery query, CancellationToken cancellationToken)
    {
        var student = currentUser.UserId ?? throw new UnauthorizedException("SIGN_IN_REQUIRED", "Sign in to see your certificates.");
        return await db.QueryAsync<CertificateDto>($"{Columns} WHERE student_id = @Student ORDER BY issued_at DESC", new { Student = student }, cancellationToken);
    }
}
