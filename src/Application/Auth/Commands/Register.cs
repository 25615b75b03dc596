using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary><paramref name="Language"/>: the language of emails to this account ("ko" or "en"); Korean when left out.</summary>
public sealed record RegisterCommand(string Email, string Password, string DisplayName, Role Role = Role.Student, string? Language = null) : ICommand<Registration>;

/// <summary>The new account, already signed in: registering costs one password hash, not a second at login.</summary>
public sealed record Registration(MeDto User, TokenPair Tokens);

internal sealed class RegisterValidator : AbstractValidator<RegisterCommand>
{
    public RegisterValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).ValidNewPassword();
        RuleFor(c => c.DisplayName).ValidDisplayName();
        RuleFor(c => c.Role).Must(User.CanSelfRegisterAs).WithMessage("Only Student or Instructor accounts can be registered.");
        RuleFor(c => c.Language).SupportedLanguage().When(c => c.Language is not null);
    }
}

internal sealed class RegisterHandler(
    IRepository<User> users, IRepository<RefreshToken> refreshTokens, IPasswordHasher hasher, ITokenService tokens, IReadConsistency consistency, TimeProvider clock)
    : ICommandHandler<RegisterCommand, Registration>
{
    public async ValueTask<Registration> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        // The unique index on normalized_email is the real guard; this check only gives the common case a clear answer.
        if (await users.AnyAsync(new UserByEmailSpec(command.Email), cancellationToken))
        {
            throw new ConflictException("EMAIL_TAKEN", "An account with this email already exists.");
        }

        var hash = await hasher.HashAsync(command.Password, cancellationToken);
        var now = clock.GetUtcNow();
        var user = User.Register(command.Email, command.DisplayName, hash, command.Role, now, command.Language ?? Languages.Default);
        await users.AddAsync(user, cancellationToken);
        consistency.NoteWriteBy(user.Id);
        return new Registration(MeDto.From(user), await TokenIssuer.IssueAsync(user, Guid.CreateVersion7(), tokens, refreshTokens, now, cancellationToken));
    }
}
