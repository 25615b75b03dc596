using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Queries;

public sealed record GetMeQuery : IQuery<MeDto>;

internal sealed class GetMeHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<GetMeQuery, MeDto>
{
    private const string Sql = """
        SELECT id AS "Id", email AS "Email", display_name AS "DisplayName", role AS "Role", language AS "Language", created_at AS "CreatedAt",
               email_verified_at AS "EmailVerifiedAt", totp_enabled_at IS NOT NULL AS "TwoFactorEnabled",
               service_terms_version AS "ServiceTermsVersion", privacy_terms_version AS "PrivacyTermsVersion", marketing_terms_version AS "MarketingTermsVersion",
               password_hash <> '' AS "HasPassword", normalized_email LIKE @NoEmail AS "EmailRequired"
        FROM users
        WHERE id = @UserId
        """;

    public async ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<MeDto>(Sql, new { UserId = currentUser.RequiredUserId, NoEmail = "%@" + User.NoEmailDomain }, cancellationToken)
        ?? throw new NotFoundException("USER_NOT_FOUND", "The signed-in account no longer exists.");
}
