using System.Buffers.Text;
using System.Security.Cryptography;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Live;
using Mediator;

namespace LectureHub.Application.Live.Commands;

/// <summary>
/// Makes the caller's secret calendar address (replacing any earlier one, which stops working) and answers its token,
/// shown once: 32 random bytes, of which only the SHA-256 is kept.
/// </summary>
public sealed record IssueCalendarFeedCommand : ICommand<string>;

internal sealed class IssueCalendarFeedHandler(IRepository<CalendarFeed> feeds, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<IssueCalendarFeedCommand, string>
{
    public async ValueTask<string> Handle(IssueCalendarFeedCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        foreach (var old in await feeds.ListAsync(new CalendarFeedOfSpec(userId), cancellationToken))
        {
            feeds.Delete(old);
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await feeds.AddAsync(CalendarFeed.Issue(userId, CalendarFeed.HashOf(token), clock.GetUtcNow()), cancellationToken);
        return token;
    }
}
