using LectureHub.Domain.Users;

namespace LectureHub.Application.Abstractions;

/// <summary>The client of the current request (User-Agent and address), for the sessions it starts.</summary>
public interface IRequestClient
{
    ClientInfo Client { get; }
}
