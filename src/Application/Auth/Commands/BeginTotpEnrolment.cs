using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>
/// Starts two-factor enrolment: a new TOTP secret for an authenticator app, as text, an otpauth:// URI and a QR code.
/// Nothing changes at sign-in until <see cref="ConfirmTotpCommand"/> proves the app has it.
/// </summary>
public sealed record BeginTotpEnrolmentCommand : ICommand<TotpEnrolmentDto>;

/// <param name="QrCodePng">The otpauth:// URI as a QR code, a PNG image in base64.</param>
public sealed record TotpEnrolmentDto(string Secret, string OtpAuthUri, string QrCodePng);

internal sealed class BeginTotpEnrolmentHandler(IRepository<User> users, ITwoFactor twoFactor, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<BeginTotpEnrolmentCommand, TotpEnrolmentDto>
{
    public async ValueTask<TotpEnrolmentDto> Handle(BeginTotpEnrolmentCommand command, CancellationToken cancellationToken)
    {
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        var setup = twoFactor.NewTotp(user.Email);
        user.BeginTotpEnrolment(setup.ProtectedSecret, clock.GetUtcNow());
        return new TotpEnrolmentDto(setup.Secret, setup.OtpAuthUri, Convert.ToBase64String(setup.QrCodePng));
    }
}
