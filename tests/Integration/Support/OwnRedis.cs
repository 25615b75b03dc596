using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace LectureHub.IntegrationTests.Support;

/// <summary>
/// A real redis-server of a test's own, on a free loopback port, that the test may stop and start again: the shared
/// one from scripts/dev-services.sh serves every other test at the same time.
/// </summary>
public sealed class OwnRedis : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lh-redis-").FullName;
    private Process? _server;

    public int Port { get; } = FreePort();

    public async Task StartAsync()
    {
        _server = Process.Start(new ProcessStartInfo("redis-server",
            ["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", _directory])
        {
            RedirectStandardOutput = true,
        })!;
        _ = _server.StandardOutput.ReadToEndAsync();
        await Api.EventuallyAsync(async () =>
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=1000");
                return probe.IsConnected;
            }
            catch (RedisConnectionException)
            {
                return false;
            }
        }, $"redis-server on {Port}");
    }

    /// <summary>SIGKILL, the way a crashed server goes: no goodbye to its clients.</summary>
    public async Task KillAsync()
    {
        _server!.Kill();
        await _server.WaitForExitAsync();
        _server.Dispose();
        _server = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await KillAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
