using System.Diagnostics.Metrics;
using LectureHub.Application.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.UnitTests.Support;

/// <summary>A <see cref="LectureHubMetrics"/> on a meter of its own, as the host would make it.</summary>
internal static class TestMetrics
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static LectureHubMetrics Create() => new(Services.GetRequiredService<IMeterFactory>());
}
