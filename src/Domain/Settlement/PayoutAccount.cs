using LectureHub.Domain.Common;

namespace LectureHub.Domain.Settlement;

/// <summary>
/// Where an instructor's statements are paid: a Korean bank account. The number is stored sealed (only the server can
/// read it back, for the Admin who transfers) with its last four digits in the clear for the instructor's own view.
/// </summary>
public sealed class PayoutAccount : Entity
{
    public const int MaxBankNameLength = 40;
    public const int MaxHolderNameLength = 50;
    public const int MinAccountDigits = 8;
    public const int MaxAccountDigits = 16;

    private PayoutAccount()
    {
    }

    public Guid InstructorId { get; private set; }

    public string BankName { get; private set; } = "";

    public string SealedAccountNumber { get; private set; } = "";

    public string AccountNumberLast4 { get; private set; } = "";

    public string HolderName { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The account number's digits (dashes and spaces are how people write it, not part of it).</summary>
    public static string Digits(string accountNumber) => new(accountNumber.Where(char.IsAsciiDigit).ToArray());

    public static PayoutAccount For(Guid instructorId) => new() { InstructorId = instructorId };

    /// <param name="digits">The account number's digits, already sealed as <paramref name="sealedNumber"/>.</param>
    public void Change(string bankName, string digits, string sealedNumber, string holderName, DateTimeOffset now)
    {
        if (digits.Length is < MinAccountDigits or > MaxAccountDigits || !digits.All(char.IsAsciiDigit))
        {
            throw new DomainException("ACCOUNT_NUMBER_INVALID", $"An account number has {MinAccountDigits} to {MaxAccountDigits} digits.");
        }

        BankName = bankName.Trim();
        SealedAccountNumber = sealedNumber;
        AccountNumberLast4 = digits[^4..];
        HolderName = holderName.Trim();
        UpdatedAt = now;
    }
}
