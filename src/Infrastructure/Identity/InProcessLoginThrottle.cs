using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Identity;

/// <summary>
/// The login throttle of this instance alone, for while Redis is unreachable: the same windows and rules as
/// <see cref="RedisLoginThrottle"/>, counted in memory, so an outage neither refuses every sign-in nor lifts the
/// throttle. Its counts are per instance and start empty; they are not merged back when Redis returns.
/// </summary>
internal sealed class InProcessLoginThrottle(TimeProvider clock, IOptions<LoginThrottleOptions> options) : ILoginThrottle
{
    /// <summary>Windows kept at most; past it, expired ones are dropped, and if none has expired nothing new is counted.</summary>
    internal const int MaxWindows = 100_000;

    private readonly Dictionary<string, (int Failures, DateTimeOffset Ends)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<LoginGate> CheckAsync(string normalizedEmail, string source, bool knownDevice, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var (sourceFailures, sourceEnds) = Live(SourceKey(normalizedEmail, source), now);
            var (accountFailures, _) = Live(normalizedEmail, now);
            return Task.FromResult(RedisLoginThrottle.Gate(options.Value, sourceFailures, sourceEnds - now, accountFailures, knownDevice));
        }
    }

    public Task RecordFailureAsync(string normalizedEmail, string source, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            foreach (var key in new[] { SourceKey(normalizedEmail, source), normalizedEmail })
            {
                // Each window starts at its first failure and is not extended by later ones, as in Redis.
                var (failures, ends) = Live(key, now);
                if (failures == 0 && !Room(now))
                {
                    continue;
                }

                _windows[key] = (failures + 1, failures == 0 ? now.AddMinutes(options.Value.WindowMinutes) : ends);
            }
        }

        return Task.CompletedTask;
    }

    public Task ResetAsync(string normalizedEmail, string source, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _windows.Remove(SourceKey(normalizedEmail, source));
        }

        return Task.CompletedTask;
    }

    private (int Failures, DateTimeOffset Ends) Live(string key, DateTimeOffset now) =>
        _windows.TryGetValue(key, out var window) && window.Ends > now ? window : (0, now);

    private bool Room(DateTimeOffset now)
    {
        if (_windows.Count < MaxWindows)
        {
            return true;
        }

        foreach (var expired in _windows.Where(w => w.Value.Ends <= now).Select(w => w.Key).ToList())
        {
            _windows.Remove(expired);
        }

        return _windows.Count < MaxWindows;
    }

    private static string SourceKey(string normalizedEmail, string source) => $"{normalizedEmail}\n{source}";
}
