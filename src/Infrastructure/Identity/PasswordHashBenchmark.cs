using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Identity;

/// <summary>
/// Hashes per second on this machine, for sizing <see cref="PasswordHashingOptions.Concurrency"/> and for
/// docs/benchmarks.md: <c>dotnet LectureHub.WebApi.dll hash-bench [seconds]</c>. Runs the hash functions directly
/// (no bulkhead), on one thread and then on one thread per core.
/// </summary>
internal static class PasswordHashBenchmark
{
    public static string Run(PasswordHashingOptions options, TimeSpan each)
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var argon2 = new PasswordHasher(Options.Create(new PasswordHashingOptions
        {
            MemoryKiB = options.MemoryKiB, Passes = options.Passes, Concurrency = 1024, QueueLimit = 0,
        }), new Application.Observability.LectureHubMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        var pbkdf2 = new PasswordHasher<Domain.Users.User>(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }));
        var candidates = new (string Name, Action Hash)[]
        {
            ($"Argon2id m={options.MemoryKiB} KiB, t={options.Passes}, p=1", () => argon2.HashAsync("correct-horse-battery", CancellationToken.None).AsTask().GetAwaiter().GetResult()),
            ("PBKDF2-HMAC-SHA512, 210,000 iterations (before #16)", () => pbkdf2.HashPassword(null!, "correct-horse-battery")),
        };

        var report = new StringBuilder("| hash | threads | hashes/s | per core | ms per hash |\n|---|---:|---:|---:|---:|\n");
        foreach (var (name, hash) in candidates)
        {
            hash(); // warm up
            foreach (var threads in new[] { 1, Environment.ProcessorCount })
            {
                var rate = Measure(hash, threads, each);
                var perCore = rate / Math.Min(threads, Environment.ProcessorCount);
                report.Append(CultureInfo.InvariantCulture, $"| {name} | {threads} | {rate:0.0} | {perCore:0.0} | {1000 / perCore:0.0} |\n");
            }
        }

        return report.ToString();
    }

    private static double Measure(Action hash, int threads, TimeSpan each)
    {
        var count = 0L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            while (clock.Elapsed < each)
            {
                hash();
                Interlocked.Increment(ref count);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return count / clock.Elapsed.TotalSeconds;
    }
}
