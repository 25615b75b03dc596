using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Auth;
using LectureHub.Domain.Settlement;
using Mediator;

namespace LectureHub.Application.Settlement.Commands;

/// <summary>
/// The signed-in instructor sets where statements are paid (needs a recent step-up: whoever changes this receives the
/// money). The number is stored sealed; the answer shows its last four digits.
/// </summary>
public sealed record SetPayoutAccountCommand(string BankName, string AccountNumber, string HolderName) : ICommand<PayoutAccountDto>;

internal sealed class SetPayoutAccountValidator : AbstractValidator<SetPayoutAccountCommand>
{
    public SetPayoutAccountValidator()
    {
        RuleFor(c => c.BankName).NotEmpty().MaximumLength(PayoutAccount.MaxBankNameLength);
        RuleFor(c => c.HolderName).NotEmpty().MaximumLength(PayoutAccount.MaxHolderNameLength);
        RuleFor(c => c.AccountNumber).NotEmpty().MaximumLength(40)
            .Must(n => n.All(c => char.IsAsciiDigit(c) || c is '-' or ' ') && PayoutAccount.Digits(n).Length is >= PayoutAccount.MinAccountDigits and <= PayoutAccount.MaxAccountDigits)
            .WithMessage($"An account number is {PayoutAccount.MinAccountDigits} to {PayoutAccount.MaxAccountDigits} digits, dashes and spaces allowed.");
    }
}

internal sealed class SetPayoutAccountHandler(IRepository<PayoutAccount> accounts, IPayoutAccountSealer sealer, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetPayoutAccountCommand, PayoutAccountDto>
{
    public async ValueTask<PayoutAccountDto> Handle(SetPayoutAccountCommand command, CancellationToken cancellationToken)
    {
        StepUp.Require(currentUser, clock);
        var instructorId = currentUser.RequiredUserId;
        var account = await accounts.SingleOrDefaultAsync(new PayoutAccountOfInstructorSpec(instructorId), cancellationToken)
            ?? await accounts.AddAsync(PayoutAccount.For(instructorId), cancellationToken);
        var digits = PayoutAccount.Digits(command.AccountNumber);
        account.Change(command.BankName, digits, sealer.Seal(digits), command.HolderName, clock.GetUtcNow());
        return PayoutAccountDto.From(account);
    }
}
