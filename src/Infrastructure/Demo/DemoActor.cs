using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Users;

namespace LectureHub.Infrastructure.Demo;

/// <summary>
/// The caller while demo data is seeded: the migrate step has no HTTP request, so each seeding scope says which demo
/// account it acts as, and the use cases check that account's rights exactly as they check a signed-in user's.
/// </summary>
internal sealed class DemoActor : ICurrentUser
{
    public Guid? UserId { get; private set; }

    public Role? Role { get; private set; }

    public Guid? SessionId => null;

    public DateTimeOffset? AuthenticatedAt => null;

    public Guid RequiredUserId => UserId ?? throw new UnauthorizedException("UNAUTHENTICATED", "The demo seeder acts as no account here.");

    public void Become(DemoUser user) => (UserId, Role) = (user.Id, user.Role);
}

/// <summary>A seeded demo account, by the id it got.</summary>
internal sealed record DemoUser(Guid Id, string Email, Role Role);
