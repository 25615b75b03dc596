using System.Diagnostics;
using LectureHub.Application.Abstractions;
using LectureHub.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>The read-model cache against real Redis: stampede protection, nested fills, cancellation, purge.</summary>
public sealed class CacheTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Two_hundred_concurrent_misses_on_one_key_run_the_fill_once()
    {
        var runs = 0;
        var release = new TaskCompletionSource();
        var readers = Enumerable.Range(0, 200).Select(_ => WithCacheAsync(cache => cache.GetOrCreateAsync("test:stampede", Ttl, async _ =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return 42;
        }, CancellationToken.None))).ToList();

        await Task.Delay(200);
        release.SetResult();

        Assert.All(await Task.WhenAll(readers), value => Assert.Equal(42, value));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Fills_that_read_other_cached_keys_do_not_block_each_other()
    {
        // Each outer fill reads another key's cached value, in crossing orders, as a search page reads its facets.
        var outer = Enumerable.Range(0, 64).Select(i => WithCacheAsync(cache => cache.GetOrCreateAsync($"test:outer:{i}", Ttl, async ct =>
            await cache.GetOrCreateAsync($"test:inner:{63 - i}", Ttl, async _ =>
            {
                await Task.Delay(20, CancellationToken.None);
                return 63 - i;
            }, ct) + 1000, CancellationToken.None))).ToList();

        var all = await Task.WhenAll(outer).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(0, 64).Select(i => 1063 - i), all);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_fail_the_others_waiting_on_the_same_fill()
    {
        var release = new TaskCompletionSource();
        using var impatient = new CancellationTokenSource();
        Task<string> Read(CancellationToken ct) => WithCacheAsync(cache => cache.GetOrCreateAsync("test:cancel", Ttl, async _ =>
        {
            await release.Task;
            return "filled";
        }, ct));

        var first = Read(impatient.Token);
        var second = Read(CancellationToken.None);
        await Task.Delay(100);
        await impatient.CancelAsync();
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("filled", await second);
    }

    [Fact]
    public async Task A_purge_makes_the_next_read_fill_again()
    {
        var version = 1;
        Task<int> Read() => WithCacheAsync(cache => cache.GetOrCreateAsync("test:purge", Ttl, _ => Task.FromResult(version), CancellationToken.None));

        Assert.Equal(1, await Read());
        version = 2;
        Assert.Equal(1, await Read());
        await WithCacheAsync(async cache =>
        {
            await cache.RemoveAsync("test:purge", CancellationToken.None);
            return 0;
        });

        Assert.Equal(2, await Read());
    }

    [Fact]
    public async Task An_expired_entry_is_served_stale_once_while_it_refreshes_behind()
    {
        var version = 1;
        var ttl = TimeSpan.FromSeconds(1);
        Task<int> Read() => WithCacheAsync(cache => cache.GetOrCreateAsync("test:stale", ttl, async _ =>
        {
            await Task.Delay(100, CancellationToken.None);
            return version;
        }, CancellationToken.None));

        Assert.Equal(1, await Read());
        version = 2;
        await Task.Delay(ttl * 1.3);

        var stale = Stopwatch.StartNew();
        Assert.Equal(1, await Read());
        Assert.True(stale.ElapsedMilliseconds < 100, $"The stale read waited {stale.ElapsedMilliseconds} ms for the refresh.");
        await Task.Delay(ttl * 1.1); // past the in-process copy of the stale answer
        Assert.Equal(2, await Read());
    }

    /// <summary>Each call in its own scope, as each request has its own.</summary>
    private async Task<T> WithCacheAsync<T>(Func<ICache, Task<T>> use)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<ICache>());
    }
}
