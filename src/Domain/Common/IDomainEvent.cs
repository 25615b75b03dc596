namespace LectureHub.Domain.Common;

/// <summary>
/// Something that happened in the domain. Events are written to the outbox in the transaction that raised them
/// and handled after commit, so their payload must be plain serialisable data.
/// </summary>
public interface IDomainEvent;
