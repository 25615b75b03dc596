using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Users;

namespace LectureHub.WebApi.Infrastructure;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? UserId =>
        accessor.HttpContext?.User.FindFirst("sub")?.Value is { } sub && Guid.TryParse(sub, out var id) ? id : null;

    public Role? Role =>
        accessor.HttpContext?.User.FindFirst("role")?.Value is { } role && Enum.TryParse<Role>(role, out var parsed) ? parsed : null;

    public Guid? SessionId =>
        accessor.HttpContext?.User.FindFirst(LectureHub.Infrastructure.Identity.JwtTokenService.SessionClaim)?.Value is { } sid && Guid.TryParse(sid, out var id) ? id : null;

    public DateTimeOffset? AuthenticatedAt =>
        accessor.HttpContext?.User.FindFirst(LectureHub.Infrastructure.Identity.JwtTokenService.AuthTimeClaim)?.Value is { } value
        && long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public Guid RequiredUserId => UserId ?? throw new UnauthorizedException("UNAUTHENTICATED", "Sign in to do this.");
}
