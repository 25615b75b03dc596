using LectureHub.Domain.Common;

namespace LectureHub.Domain.Users;

/// <summary>
/// One of the ten single-use codes that stand in for the authenticator when it is lost. Only a keyed hash is stored;
/// the codes are shown once, when made. Making a new set deletes the old one.
/// </summary>
public sealed class RecoveryCode : Entity
{
    public const int PerSet = 10;

    private RecoveryCode()
    {
    }

    public Guid UserId { get; private set; }

    public string CodeHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public static RecoveryCode Issue(Guid userId, string codeHash, DateTimeOffset now) => new() { UserId = userId, CodeHash = codeHash, CreatedAt = now };

    public void Use(DateTimeOffset now)
    {
        if (UsedAt is not null)
        {
            throw new DomainException("RECOVERY_CODE_USED", "This recovery code was already used.");
        }

        UsedAt = now;
    }
}
