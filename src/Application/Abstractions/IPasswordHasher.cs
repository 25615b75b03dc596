namespace LectureHub.Application.Abstractions;

public enum PasswordCheck
{
    Failed,
    Success,

    /// <summary>Correct, but hashed with weaker parameters than today's: store a fresh hash.</summary>
    SuccessRehashNeeded,
}

public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);
}
