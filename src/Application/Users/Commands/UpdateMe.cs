using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Commands;

/// <summary>Changes the caller's profile; a null field is left as it is. Returns the new state.</summary>
public sealed record UpdateMeCommand(string? DisplayName, string? Language = null) : ICommand<MeDto>;

internal sealed class UpdateMeValidator : AbstractValidator<UpdateMeCommand>
{
    public UpdateMeValidator()
    {
        RuleFor(c => c.DisplayName!).ValidDisplayName().When(c => c.DisplayName is not null);
        RuleFor(c => c.Language).SupportedLanguage().When(c => c.Language is not null);
    }
}

internal sealed class UpdateMeHandler(IRepository<User> users, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateMeCommand, MeDto>
{
    public async ValueTask<MeDto> Handle(UpdateMeCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetByIdAsync(currentUser.RequiredUserId, cancellationToken)
            ?? throw new NotFoundException("USER_NOT_FOUND", "The signed-in account no longer exists.");
        if (command.DisplayName is not null)
        {
            user.Rename(command.DisplayName, clock.GetUtcNow());
        }

        if (command.Language is not null)
        {
            user.ChangeLanguage(command.Language, clock.GetUtcNow());
        }

        return MeDto.From(user);
    }
}
