using System.Collections.Concurrent;
using System.Diagnostics;
using LectureHub.Application.Observability;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Platform;

/// <summary>One trace from the HTTP request through its command to the relay's delivery of the outbox row it wrote.</summary>
public sealed class TraceTests(ApiFactory factory) : ApiTest(factory), IDisposable
{
    private readonly ConcurrentQueue<Activity> _finished = new();
    private ActivityListener? _listener;

    public void Dispose() => _listener?.Dispose();

    [Fact]
    public async Task The_outbox_delivery_is_a_span_of_the_request_that_raised_the_event()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or LectureHubMetrics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _finished.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);

        await Client.RegisterAsync("traced@example.com");
        Activity? delivery = null;
        await Api.EventuallyAsync(() => Task.FromResult((delivery = Delivery()) is not null), "the UserRegistered delivery span");

        // Up the parents from the delivery: LectureHub's command spans, then the request, the root of the trace.
        var parent = Assert.Single(_finished, a => a.SpanId == delivery!.ParentSpanId);
        Assert.Equal(LectureHubMetrics.Name, parent.Source.Name);
        var chain = new List<Activity> { delivery!, parent };
        while (chain[^1].ParentSpanId != default)
        {
            chain.Add(Assert.Single(_finished, a => a.SpanId == chain[^1].ParentSpanId));
        }

        var request = chain[^1];
        Assert.Equal("Microsoft.AspNetCore.Hosting.HttpRequestIn", request.OperationName);
        Assert.Contains(chain, a => a.OperationName == "RegisterWorkflow");
        Assert.All(chain, a => Assert.Equal(request.TraceId, a.TraceId));
        Assert.Equal(ActivityKind.Consumer, delivery!.Kind);
    }

    /// <summary>The delivery of the event this test's registration raised (other hosts in the process trace too).</summary>
    private Activity? Delivery() => _finished.FirstOrDefault(a =>
        a.OperationName == "outbox deliver UserRegistered" && _finished.Any(c => c.OperationName == "RegisterWorkflow" && c.TraceId == a.TraceId));
}
