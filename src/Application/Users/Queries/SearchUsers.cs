using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Queries;

/// <summary>
/// Admins: accounts whose email starts with <see cref="Q"/> or whose name contains it, optionally of one role or only
/// the suspended; newest first, keyset pages.
/// </summary>
public sealed record SearchUsersQuery(string? Q = null, Role? Role = null, bool? Suspended = null, string? Cursor = null, int Limit = 50)
    : IQuery<UserPage>, IPagedQuery
{
    public static int MaxLimit => 200;
}

public sealed record UserPage(IReadOnlyList<AdminUserDto> Items, string? NextCursor);

internal sealed class SearchUsersValidator : AbstractValidator<SearchUsersQuery>
{
    public SearchUsersValidator()
    {
        RuleFor(q => q.Q).MaximumLength(User.MaxEmailLength);
        RuleFor(q => q.Role).IsInEnum();
        RuleFor(q => q.Cursor).Must(c => c is null || OpaqueCursor.TryDecode<UserCursor>(c, out _)).WithMessage("The cursor is invalid; start again without it.");
    }
}

internal sealed record UserCursor(DateTimeOffset Time, Guid Id);

internal sealed class SearchUsersHandler(IReadDb db) : IQueryHandler<SearchUsersQuery, UserPage>
{
    private const string Sql = """
        SELECT id AS "Id", email AS "Email", display_name AS "DisplayName", role AS "Role", created_at AS "CreatedAt",
               email_verified_at AS "EmailVerifiedAt", suspended_at AS "SuspendedAt", suspension_reason AS "SuspensionReason"
        FROM users
        WHERE (@Q::text IS NULL OR normalized_email LIKE @EmailPrefix ESCAPE '\' OR display_name ILIKE @NamePart ESCAPE '\')
          AND (@Role::text IS NULL OR role = @Role)
          AND (@Suspended::boolean IS NULL OR (suspended_at IS NOT NULL) = @Suspended)
        """;

    public async ValueTask<UserPage> Handle(SearchUsersQuery query, CancellationToken cancellationToken)
    {
        var cursor = query.Cursor is { } text && OpaqueCursor.TryDecode<UserCursor>(text, out var decoded) ? decoded : null;
        var q = string.IsNullOrWhiteSpace(query.Q) ? null : LikePattern.Literal(query.Q.Trim());
        var sql = Sql + (cursor is null ? "" : " AND (created_at, id) < (@KeyTime, @KeyId)") + " ORDER BY created_at DESC, id DESC LIMIT @Take";
        var rows = await db.QueryAsync<AdminUserDto>(sql, new
        {
            Q = q,
            EmailPrefix = q?.ToLowerInvariant() + "%",
            NamePart = "%" + q + "%",
            Role = query.Role?.ToString(),
            query.Suspended,
            KeyTime = cursor?.Time,
            KeyId = cursor?.Id,
            Take = query.Limit + 1,
        }, cancellationToken);
        var next = rows.Count > query.Limit ? OpaqueCursor.Encode(new UserCursor(rows[query.Limit - 1].CreatedAt, rows[query.Limit - 1].Id)) : null;
        return new UserPage(rows.Take(query.Limit).ToList(), next);
    }
}
