using LectureHub.Domain.Users;

namespace LectureHub.Infrastructure.Persistence;

public sealed record DemoAccount(string Email, string Password, string DisplayName, Role Role);
