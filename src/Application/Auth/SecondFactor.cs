using LectureHub.Application.Abstractions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Auth;

/// <summary>Checks a TOTP code or a recovery code inside the command's transaction, spending what it accepts; and makes recovery code sets.</summary>
internal static class SecondFactor
{
    public const int MaxCodeLength = 20;

    /// <summary>
    /// True when <paramref name="code"/> (a TOTP code for a step not used before) or <paramref name="recoveryCode"/>
    /// (an unused one, now spent) is good for this account.
    /// </summary>
    public static async Task<bool> AcceptAsync(
        User user, string? code, string? recoveryCode, ITwoFactor twoFactor, IRepository<RecoveryCode> recoveryCodes, DateTimeOffset now, CancellationToken ct)
    {
        if (!user.HasTwoFactor)
        {
            return false;
        }

        if (code is not null)
        {
            return twoFactor.MatchTotp(user.TotpSecret!, code, now) is { } step && user.AcceptTotpStep(step);
        }

        if (recoveryCode is not null
            && await recoveryCodes.FirstOrDefaultAsync(new UnusedRecoveryCodeSpec(user.Id, twoFactor.HashRecoveryCode(recoveryCode)), ct) is { } match)
        {
            match.Use(now);
            return true;
        }

        return false;
    }

    /// <summary>A new set of <see cref="RecoveryCode.PerSet"/> codes in place of the old one; the values are returned once, here.</summary>
    public static async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(
        User user, ITwoFactor twoFactor, IRepository<RecoveryCode> recoveryCodes, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var old in await recoveryCodes.ListAsync(new RecoveryCodesOfUserSpec(user.Id), ct))
        {
            recoveryCodes.Delete(old);
        }

        var codes = Enumerable.Range(0, RecoveryCode.PerSet).Select(_ => twoFactor.NewRecoveryCode()).ToList();
        await recoveryCodes.AddRangeAsync(codes.Select(c => RecoveryCode.Issue(user.Id, twoFactor.HashRecoveryCode(c), now)), ct);
        return codes;
    }
}
