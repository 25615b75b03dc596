using LectureHub.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Outbox;

internal static class OutboxServices
{
    /// <summary>Domain events written in the command's transaction, delivered after commit by the relay.</summary>
    public static void AddOutbox(this Registration r)
    {
        r.Options<OutboxOptions>(OutboxOptions.Section);
        r.Services.AddSingleton<OutboxSignal>();
        r.Services.AddScoped<IOutboxAdmin, OutboxAdmin>();
        r.Services.AddSingleton<OutboxRelay>();
        r.Worker<OutboxRelay>("Outbox:Enabled");
    }
}
