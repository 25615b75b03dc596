using LectureHub.Infrastructure.Outbox;

namespace LectureHub.Infrastructure.Payments.Webhooks;

/// <summary>Wakes this instance's payment webhook processor right after a new webhook was stored.</summary>
public sealed class WebhookInboxSignal : WakeUpSignal;
