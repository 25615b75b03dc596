using System.Diagnostics;
using System.Net;

namespace LectureHub.Load.Runner;

/// <summary>What one iteration sees: its virtual user, the shared HTTP client and data, and the step recorder.</summary>
public sealed class IterationContext
{
    private readonly StatsCollector _stats;
    private readonly IReadOnlyDictionary<string, object> _shared;
    private long _stepStart;
    private readonly bool _measured;

    internal IterationContext(VirtualUser user, HttpClient http, IReadOnlyDictionary<string, object> shared, StatsCollector stats,
        long intendedStartTimestamp, bool measured, long sequence, CancellationToken cancellationToken)
    {
        User = user;
        Http = http;
        _shared = shared;
        _stats = stats;
        _stepStart = intendedStartTimestamp;
        _measured = measured;
        Sequence = sequence;
        CancellationToken = cancellationToken;
    }

    public VirtualUser User { get; }

    public HttpClient Http { get; }

    /// <summary>A number unique to this iteration within the run (for unique emails and the like).</summary>
    public long Sequence { get; }

    public CancellationToken CancellationToken { get; }

    public T Shared<T>(string key) => (T)_shared[key];

    /// <summary>
    /// Sends one request and records it under <paramref name="name"/>. The first step's latency runs from the
    /// iteration's intended start (open model), so time spent queued behind a stalled server is counted, not hidden.
    /// Later steps run from the previous step's end. <paramref name="expected"/> lists the statuses that are correct
    /// answers (200 if none), e.g. 409 COHORT_FULL in a rush. Returns null unless the answer was one of them.
    /// </summary>
    public async Task<HttpResponseMessage?> Step(string name, Func<HttpClient, CancellationToken, Task<HttpResponseMessage>> send,
        params HttpStatusCode[] expected)
    {
        var started = _stepStart;
        HttpResponseMessage? response = null;
        StepOutcome outcome;
        long bytes = 0;
        try
        {
            response = await send(Http, CancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(CancellationToken);
            bytes = body.Length;
            response.Content = new ByteArrayContent(body);
            outcome = (expected.Length == 0 ? response.StatusCode == HttpStatusCode.OK : expected.Contains(response.StatusCode))
                ? StepOutcome.Ok((int)response.StatusCode)
                : StepOutcome.Failed((int)response.StatusCode);
        }
        catch (TaskCanceledException) when (!CancellationToken.IsCancellationRequested)
        {
            outcome = StepOutcome.TimedOut;
        }
        catch (HttpRequestException ex)
        {
            outcome = StepOutcome.Error(ex.HttpRequestError.ToString());
        }

        var ended = Stopwatch.GetTimestamp();
        _stepStart = ended;
        if (_measured && !CancellationToken.IsCancellationRequested)
        {
            _stats.Record(name, outcome, Stopwatch.GetElapsedTime(started, ended), bytes);
        }

        return outcome.IsOk ? response : null;
    }

    /// <summary>Names a step the scenario will have but cannot run yet, so reports show it as pending.</summary>
    public void Pending(string name, string reason)
    {
        if (_measured)
        {
            _stats.RecordPending(name, reason);
        }
    }
}

public readonly record struct StepOutcome(bool IsOk, string Status)
{
    public static StepOutcome TimedOut => new(false, "timeout");

    public static StepOutcome Ok(int status) => new(true, status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static StepOutcome Failed(int status) => new(false, status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static StepOutcome Error(string kind) => new(false, "error:" + kind);
}
