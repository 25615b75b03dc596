using LectureHub.Application.Abstractions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Auth;

/// <summary>Issues emailed links (<see cref="AccountToken"/>) and finds the one a client presents.</summary>
internal static class AccountLinks
{
    /// <summary>Longer than any value issued (43 characters), so a request cannot make us hash megabytes.</summary>
    public const int MaxValueLength = 100;

    /// <summary>
    /// A new link of <paramref name="purpose"/> for the user, its email sent from the outbox; earlier unused ones stop
    /// working. False, and nothing issued, when the account already had <see cref="AccountToken.MaxIssuedPerWindow"/> in the window.
    /// <paramref name="newAccount"/>: the account is being created in this transaction, so it has no links to count or spend.
    /// </summary>
    public static async Task<bool> IssueAsync(
        IRepository<AccountToken> links, ITokenService tokens, Guid userId, AccountTokenPurpose purpose, DateTimeOffset now, CancellationToken ct,
        bool newAccount = false, string? newEmail = null)
    {
        if (!newAccount)
        {
            if (await links.CountAsync(new AccountTokensSinceSpec(userId, purpose, now - AccountToken.IssueWindow), ct) >= AccountToken.MaxIssuedPerWindow)
            {
                return false;
            }

            foreach (var earlier in await links.ListAsync(new UnusedAccountTokensSpec(userId, purpose), ct))
            {
                earlier.Supersede(now);
            }
        }

        var id = Guid.CreateVersion7();
        await links.AddAsync(AccountToken.Issue(id, userId, purpose, tokens.HashToken(tokens.AccountTokenValue(id)), now, newEmail), ct);
        return true;
    }

    /// <summary>The usable link of one of <paramref name="purposes"/> with this value, or null (unknown, spent, expired or of another purpose).</summary>
    public static async Task<AccountToken?> FindUsableAsync(
        IRepository<AccountToken> links, ITokenService tokens, string value, DateTimeOffset now, CancellationToken ct, params AccountTokenPurpose[] purposes) =>
        await links.SingleOrDefaultAsync(new AccountTokenByHashSpec(tokens.HashToken(value)), ct) is { } link && purposes.Contains(link.Purpose) && link.IsUsable(now)
            ? link
            : null;
}
