using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Observability;

internal static class ObservabilityServices
{
    public static void AddObservability(this Registration r)
    {
        r.Options<ObservabilityOptions>(ObservabilityOptions.Section);
        r.Services.AddSingleton<StateSampler>();
        if (r.Configuration.GetValue("Observability:Enabled", true))
        {
            r.Worker<StateSampler>("Observability:SampleEnabled");
        }
    }
}
