using LectureHub.Domain.Settlement;

namespace LectureHub.Application.Settlement;

/// <summary>An instructor's payout account as they see it: the number masked to its last four digits.</summary>
public sealed record PayoutAccountDto(string BankName, string MaskedAccountNumber, string HolderName, DateTimeOffset UpdatedAt)
{
    public static PayoutAccountDto From(PayoutAccount account) =>
        new(account.BankName, "****" + account.AccountNumberLast4, account.HolderName, account.UpdatedAt);
}

/// <summary>The same for the Admin who transfers the money: the whole number.</summary>
public sealed record PayoutAccountDetailsDto(Guid InstructorId, string BankName, string AccountNumber, string HolderName, DateTimeOffset UpdatedAt);
