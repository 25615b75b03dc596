using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;

namespace LectureHub.WebApi.Infrastructure;

/// <summary>The address is the connection's, or the forwarded one from a configured proxy only (docs/identity.md).</summary>
internal sealed class HttpRequestClient(IHttpContextAccessor accessor) : IRequestClient
{
    public ClientInfo Client =>
        accessor.HttpContext is { } http
            ? new ClientInfo(http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null, http.Connection.RemoteIpAddress?.ToString())
            : new ClientInfo(null, null);
}
