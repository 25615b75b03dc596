using System.Globalization;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Caching;

/// <summary>Hourly allowances per user and kind, counted in <see cref="RedisFixedWindow"/>s (<c>wq:{kind}:{user}</c>).</summary>
internal sealed class RedisWriteQuota(RedisFixedWindow windows, IOptions<WriteQuotaOptions> options) : IWriteQuota
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async Task TakeAsync(WriteKind kind, Guid userId, CancellationToken cancellationToken)
    {
        var allowance = Allowance(kind);
        if (await windows.TakeAsync(string.Create(CultureInfo.InvariantCulture, $"wq:{kind}:{userId:N}"), Window) is { } taken && taken.Used > allowance)
        {
            throw new TooManyRequestsException("WRITE_RATE_LIMITED",
                $"At most {allowance} {kind.ToString().ToLowerInvariant()}s an hour. Retry after the time in Retry-After.", taken.EndsIn);
        }
    }
    private int Allowance(WriteKind kind) => kind switch
    {
        WriteKind.Post => options.Value.PostsPerHour,
        WriteKind.Comment => options.Value.CommentsPerHour,
        WriteKind.Report => options.Value.ReportsPerHour,
        _ => options.Value.QuestionsPerHour,
    };
}
