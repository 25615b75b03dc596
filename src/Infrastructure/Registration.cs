using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure;

/// <summary>What every feature's <c>Add…()</c> needs: configuration, the environment, and validated options.</summary>
internal sealed record Registration(IServiceCollection Services, IConfiguration Configuration, IHostEnvironment Environment)
{
    public bool IsDevelopment => Environment.IsDevelopment();

    /// <summary>Where development keys and media live: DataDirectory if set, else .data at the repository root.</summary>
    public string DataDirectory => Configuration["DataDirectory"] is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.GetFullPath(Path.Combine(Environment.ContentRootPath, "..", "..", ".data"));

    /// <summary>Options bound from <paramref name="section"/>, validated by their data annotations at start-up.</summary>
    public OptionsBuilder<T> Options<T>(string section)
        where T : class =>
        Services.AddOptions<T>().Bind(Configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();

    public HostRole Role { get; } = HostRoles.Of(Configuration);

    /// <summary>
    /// A background service, unless this process serves the API only (<see cref="HostRole.Api"/>) or
    /// <paramref name="enabledKey"/> is false (tests drive some workers themselves).
    /// </summary>
    public void Worker<T>(string enabledKey)
        where T : class, IHostedService
    {
        if (Role.RunsWorkers() && Configuration.GetValue(enabledKey, true))
        {
            Services.AddHostedService(sp => sp.GetRequiredService<T>());
        }
    }

    public string Required(string key) =>
        Configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Configuration '{key}' is required (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}).");

    /// <summary>A development key file under the data directory, made on first use (production reads configuration).</summary>
    public string DevelopmentKey(string file, int bytes) => DevelopmentKeys.LoadOrCreateBase64(DataDirectory, file, bytes);
}
