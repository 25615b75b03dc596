using LectureHub.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Idempotency;

internal static class IdempotencyServices
{
    /// <summary>Idempotency keys in PostgreSQL (every instance sees them), swept hourly.</summary>
    public static void AddIdempotency(this Registration r)
    {
        r.Services.AddSingleton<IIdempotencyStore, IdempotencyStore>();
        r.Services.AddSingleton<IdempotencyKeySweeper>();
        r.Worker<IdempotencyKeySweeper>("Idempotency:SweepEnabled");
    }
}
