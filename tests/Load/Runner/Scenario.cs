namespace LectureHub.Load.Runner;

/// <summary>
/// A user journey. <see cref="Setup"/> runs once before the run (not measured): create accounts, fetch ids for feeds.
/// <see cref="Iteration"/> is one journey by one virtual user: a sequence of named steps, each measured on its own.
/// </summary>
public sealed class Scenario
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>What `--rate`/`--users` default to when the command line gives neither.</summary>
    public LoadModel DefaultModel { get; init; } = LoadModel.Open(rate: 50);

    public Func<SetupContext, Task>? Setup { get; init; }

    public required Func<IterationContext, Task> Iteration { get; init; }

    /// <summary>
    /// Runs after the run: checks the end state through the API and describes it, or throws
    /// InvalidOperationException saying what is wrong, which fails the run.
    /// </summary>
    public Func<SetupContext, Task<string>>? Verify { get; init; }
}

public sealed class SetupContext(HttpClient http, Dictionary<string, object> shared, CancellationToken cancellationToken)
{
    public HttpClient Http { get; } = http;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Data prepared once and read by every iteration, e.g. a <see cref="Feed{T}"/> of ids.</summary>
    public void Share<T>(string key, T value)
        where T : notnull => shared[key] = value;

    /// <summary>What setup shared, for <see cref="Scenario.Verify"/>.</summary>
    public T Shared<T>(string key) =>
        shared.TryGetValue(key, out var value) ? (T)value : throw new InvalidOperationException($"Setup did not share '{key}'.");
}

/// <summary>A simulated user. Its state (a token, a cart) survives between that user's iterations.</summary>
public sealed class VirtualUser(long id)
{
    public long Id { get; } = id;

    public Dictionary<string, object> State { get; } = [];
}

/// <summary>Test data handed out to iterations: round-robin by default, or random.</summary>
public sealed class Feed<T>(IReadOnlyList<T> items, bool random = false)
{
    private long _next = -1;

    public int Count => items.Count;

    public IReadOnlyList<T> All => items;

    public T Next()
    {
        if (items.Count == 0)
        {
            throw new InvalidOperationException("The feed is empty.");
        }

        return random
            ? items[Random.Shared.Next(items.Count)]
            : items[(int)(Interlocked.Increment(ref _next) % items.Count)];
    }
}
