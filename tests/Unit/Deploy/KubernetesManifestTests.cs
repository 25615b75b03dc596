using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using LectureHub.UnitTests.Support;

namespace LectureHub.UnitTests.Deploy;

/// <summary>
/// deploy/k8s, checked offline: every manifest against the Kubernetes API's types (KubernetesClient's models, strict:
/// an unknown or misspelt field, or a value of the wrong type, fails), every setting it gives the API one the README
/// documents, and the probes, limits and shutdown timings issue #20 asks for.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private static readonly string Folder = Repository.File("deploy", "k8s");

    private static readonly IReadOnlyList<(string File, object Resource)> Resources =
        [.. Manifests().SelectMany(file => KubernetesYaml.LoadAllFromString(System.IO.File.ReadAllText(file), null, strict: true).Select(r => (Path.GetFileName(file), r)))];

    private static IEnumerable<string> Manifests() =>
        Directory.EnumerateFiles(Folder, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").Order(StringComparer.Ordinal);

    private static IEnumerable<T> All<T>() => Resources.Select(r => r.Resource).OfType<T>();

    private static IEnumerable<(string Name, V1PodSpec Pod)> Pods() =>
        All<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Template.Spec)).Concat(All<V1Job>().Select(j => (j.Metadata.Name, j.Spec.Template.Spec)));

    [Fact]
    public void Every_manifest_is_valid_against_the_kubernetes_types_and_listed_in_the_kustomization()
    {
        Assert.NotEmpty(Resources);
        var listed = KustomizationResources();
        Assert.Equal(Manifests().Select(Path.GetFileName).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job", "PodDisruptionBudget", "Service"],
            Resources.Select(r => ((IKubernetesObject)r.Resource).Kind).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_misspelt_field_is_caught()
    {
        var wrong = System.IO.File.ReadAllText(Path.Combine(Folder, "api.yaml")).Replace("readinessProbe:", "readinessProbes:", StringComparison.Ordinal);

        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(wrong, null, strict: true));
    }

    [Fact]
    public void Every_setting_given_to_the_api_is_a_documented_configuration_key()
    {
        var documented = DocumentedKeys();
        var given = All<V1ConfigMap>().SelectMany(c => c.Data.Keys)
            .Concat(Pods().SelectMany(p => p.Pod.Containers).SelectMany(c => c.Env ?? []).Select(e => e.Name)).ToList();

        Assert.NotEmpty(given);
        Assert.All(given, name => Assert.True(Documented(name.Replace("__", ":", StringComparison.Ordinal), documented), $"{name} is not a key the README documents"));
        Assert.Contains("Role", given);
    }

    [Fact]
    public void Every_pod_reads_the_config_map_and_the_secret_and_has_requests_and_limits()
    {
        var configMaps = All<V1ConfigMap>().Select(c => c.Metadata.Name).ToHashSet();
        foreach (var (name, pod) in Pods())
        {
            var container = Assert.Single(pod.Containers);
            Assert.Contains(container.EnvFrom, e => e.ConfigMapRef is { } map && configMaps.Contains(map.Name));
            Assert.Contains(container.EnvFrom, e => e.SecretRef?.Name == "lecturehub-secrets");
            Assert.True(container.Resources?.Requests?.ContainsKey("cpu") == true && container.Resources.Limits?.ContainsKey("memory") == true, $"{name}: requests and limits");
            Assert.True(container.SecurityContext?.RunAsNonRoot == true, $"{name}: runs as non-root");
        }
    }

    [Fact]
    public void Deployments_are_probed_and_drain_within_their_grace_period()
    {
        foreach (var deployment in All<V1Deployment>())
        {
            var pod = deployment.Spec.Template.Spec;
            var container = Assert.Single(pod.Containers);
            Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
            Assert.Contains(container.Env, e => e.Name == "Role");

            // preStop, then the host's 30 s shutdown timeout, must fit before the kubelet's SIGKILL.
            var preStop = container.Lifecycle?.PreStop?.Sleep?.Seconds ?? 0;
            Assert.True(pod.TerminationGracePeriodSeconds >= preStop + HostShutdownSeconds, $"{deployment.Metadata.Name}: {pod.TerminationGracePeriodSeconds} s grace");
        }

        var api = All<V1Deployment>().Single(d => d.Metadata.Name == "lecturehub-api");
        Assert.True(api.Spec.Template.Spec.Containers[0].Lifecycle.PreStop.Sleep.Seconds > 0, "the api waits for the Service to stop sending before it stops");
        Assert.Equal("lecturehub-api", All<V2HorizontalPodAutoscaler>().Single().Spec.ScaleTargetRef.Name);
        Assert.Equal(All<V1Deployment>().Count(), All<V1PodDisruptionBudget>().Count());
        Assert.Equal("lecturehub-api", All<V1Service>().Single().Spec.Selector["app.kubernetes.io/name"]);
    }

    /// <summary>.NET's default HostOptions.ShutdownTimeout, which the API does not change.</summary>
    private const int HostShutdownSeconds = 30;

    private static IReadOnlyList<string> KustomizationResources()
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(Folder, "kustomization.yaml"));
        return [.. lines.SkipWhile(l => l != "resources:").Skip(1).TakeWhile(l => l.StartsWith("  - ", StringComparison.Ordinal)).Select(l => l[4..].Trim())];
    }

    /// <summary>The README's configuration table: `Section:Key`, and the shorthand `Other` for Section:Other after it.</summary>
    private static HashSet<string> DocumentedKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in System.IO.File.ReadLines(Repository.File("README.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var section = "";
            foreach (Match item in Backticked().Matches(line.Split('|')[1]))
            {
                var key = item.Groups[1].Value;
                if (key.Contains(' ', StringComparison.Ordinal))
                {
                    continue;
                }

                if (key.Contains(':', StringComparison.Ordinal))
                {
                    section = key[..(key.LastIndexOf(':') + 1)];
                    keys.Add(key);
                }
                else
                {
                    keys.Add(section + key);
                }
            }
        }

        return keys;
    }

    /// <summary>A documented key, one of its array entries (Cors:AllowedOrigins:0), a {placeholder}'s, or the host's own.</summary>
    private static bool Documented(string key, HashSet<string> documented) =>
        documented.Contains(key)
        || documented.Contains(ArrayIndex().Replace(key, ""))
        || documented.Any(d => d.Contains('{', StringComparison.Ordinal) && key.StartsWith(d[..d.IndexOf('{', StringComparison.Ordinal)], StringComparison.OrdinalIgnoreCase))
        || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || key.StartsWith("OTEL_", StringComparison.Ordinal);

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@":\d+$")]
    private static partial Regex ArrayIndex();
}
