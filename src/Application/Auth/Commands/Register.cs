using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Terms;
using LectureHub.Application.Terms.Commands;
using LectureHub.Application.Users;
using LectureHub.Domain.Terms;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Auth.Commands;

/// <summary>
/// Creates an account, signed in. A workflow: the password is hashed (perhaps after queueing for a slot) before any
/// transaction, then <see cref="CreateAccountCommand"/> writes the account and its first session in one.
/// <paramref name="Language"/>: the language of emails to this account ("ko" or "en"); Korean when left out.
/// <paramref name="Terms"/>: the agreement to the terms in force (GET /api/v1/terms), required.
/// </summary>
public sealed record RegisterWorkflow(string Email, string Password, string DisplayName, Role Role = Role.Student, string? Language = null, TermsAgreement? Terms = null)
    : IWorkflow<Registration>;

public sealed record CreateAccountCommand(string Email, string DisplayName, string PasswordHash, Role Role, string? Language, TermsAgreement Terms) : ICommand<Registration>;

/// <summary>The new account, already signed in: registering costs one password hash, not a second at login.</summary>
public sealed record Registration(MeDto User, TokenPair Tokens);

internal sealed class RegisterValidator : AbstractValidator<RegisterWorkflow>
{
    public RegisterValidator(ITermsCatalog catalog)
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).ValidNewPassword();
        RuleFor(c => c.DisplayName).ValidDisplayName();
        RuleFor(c => c.Role).Must(User.CanSelfRegisterAs).WithMessage("Only Student or Instructor accounts can be registered.");
        RuleFor(c => c.Language).SupportedLanguage().When(c => c.Language is not null);
        RuleFor(c => c.Terms).AgreesToCurrent(catalog, fields: "terms.");
    }
}

internal sealed class RegisterHandler(IRepository<User> users, IPasswordHasher hasher, ISender sender) : IWorkflowHandler<RegisterWorkflow, Registration>
{
    public async ValueTask<Registration> Handle(RegisterWorkflow workflow, CancellationToken cancellationToken)
    {
        // Checked before hashing as well as in the command, so a taken email costs no hash.
        if (await users.AnyAsync(new UserByEmailSpec(workflow.Email), cancellationToken))
        {
            throw EmailTaken();
        }

        var hash = await hasher.HashAsync(workflow.Password, cancellationToken);
        return await sender.Send(new CreateAccountCommand(workflow.Email, workflow.DisplayName, hash, workflow.Role, workflow.Language, workflow.Terms!), cancellationToken);
    }

    internal static ConflictException EmailTaken() => new("EMAIL_TAKEN", "An account with this email already exists.");
}

internal sealed class CreateAccountHandler(
    IRepository<User> users,
    IRepository<RefreshToken> refreshTokens,
    IRepository<AccountToken> links,
    IRepository<TermsDecision> termsDecisions,
    ITokenService tokens,
    IRequestClient requestClient,
    IReadConsistency consistency,
    TimeProvider clock)
    : ICommandHandler<CreateAccountCommand, Registration>
{
    public async ValueTask<Registration> Handle(CreateAccountCommand command, CancellationToken cancellationToken)
    {
        // The unique index on normalized_email is the real guard; this check only gives the common case a clear answer.
        if (await users.AnyAsync(new UserByEmailSpec(command.Email), cancellationToken))
        {
            throw RegisterHandler.EmailTaken();
        }

        var now = clock.GetUtcNow();
        var user = User.Register(command.Email, command.DisplayName, command.PasswordHash, command.Role, now, command.Language ?? Languages.Default);
        await users.AddAsync(user, cancellationToken);
        await AgreeToTermsHandler.Agree(user, command.Terms, termsDecisions, now, cancellationToken);
        await AccountLinks.IssueAsync(links, tokens, user.Id, AccountTokenPurpose.VerifyEmail, now, cancellationToken, newAccount: true);
        consistency.NoteWriteBy(user.Id);
        return new Registration(MeDto.From(user), await TokenIssuer.IssueAsync(user, Guid.CreateVersion7(), tokens, refreshTokens, requestClient.Client, now, cancellationToken));
    }
}
