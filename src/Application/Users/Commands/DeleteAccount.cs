using LectureHub.Application.Abstractions;
using LectureHub.Application.Auth;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Application.Live;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Live;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Commands;

/// <summary>
/// The signed-in user deletes their account (needs a recent step-up): personal data removed, every session and
/// second factor gone; orders, the ledger and certificates kept under the account's id, and its reviews and posts
/// shown as by a deleted user. An instructor with published courses unpublishes them first; an Admin is demoted first.
/// </summary>
public sealed record DeleteAccountCommand : ICommand;

internal sealed class DeleteAccountHandler(
    IRepository<User> users,
    IRepository<RefreshToken> refreshTokens,
    IRepository<RecoveryCode> recoveryCodes,
    IRepository<AccountToken> links,
    IRepository<ExternalLogin> externalLogins,
    IRepository<Course> courses,
    IRepository<CalendarFeed> calendarFeeds,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<DeleteAccountCommand>
{
    public async ValueTask<Unit> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        StepUp.Require(currentUser, clock);
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        if (user.Role == Role.Admin)
        {
            throw new ConflictException("ADMIN_CANNOT_DELETE", "An Admin account cannot be deleted; ask another Admin to change its role first.");
        }

        if (await courses.AnyAsync(new PublishedCoursesOfInstructorSpec(user.Id), cancellationToken))
        {
            throw new ConflictException("HAS_PUBLISHED_COURSES", "Unpublish your courses before deleting the account; enrolled students keep their access.");
        }

        var now = clock.GetUtcNow();
        user.Delete(now);
        await Sessions.RevokeAllAsync(refreshTokens, user.Id, keep: null, "account deleted", now, cancellationToken);
        foreach (var code in await recoveryCodes.ListAsync(new RecoveryCodesOfUserSpec(user.Id), cancellationToken))
        {
            recoveryCodes.Delete(code);
        }

        foreach (var link in await links.ListAsync(new AccountTokensOfUserSpec(user.Id), cancellationToken))
        {
            links.Delete(link);
        }

        // The provider identities are personal data too, and unlinked they could make a new account.
        foreach (var login in await externalLogins.ListAsync(new ExternalLoginsOfUserSpec(user.Id), cancellationToken))
        {
            externalLogins.Delete(login);
        }

        // A secret calendar address would go on showing the account's sessions to whoever holds it.
        foreach (var feed in await calendarFeeds.ListAsync(new CalendarFeedOfSpec(user.Id), cancellationToken))
        {
            calendarFeeds.Delete(feed);
        }

        return Unit.Value;
    }
}
