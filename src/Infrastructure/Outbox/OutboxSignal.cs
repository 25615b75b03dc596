namespace LectureHub.Infrastructure.Outbox;

/// <summary>Wakes this instance's outbox relay right after a commit wrote outbox rows.</summary>
public sealed class OutboxSignal : WakeUpSignal;
