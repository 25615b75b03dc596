using System.Net;
using System.Net.Sockets;
using System.Text;
using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Email;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LectureHub.UnitTests.Infrastructure;

public sealed class SmtpReconnectTests
{
    [Fact]
    public async Task A_connection_the_server_closed_after_a_message_is_replaced_and_the_next_email_still_goes_out()
    {
        using var server = new OneMessagePerConnectionSmtpServer();
        var serving = server.ServeAsync(connections: 2);
        await using var sender = new SmtpEmailSender(
            Options.Create(new EmailOptions { Host = "127.0.0.1", Port = server.Port, Security = SecureSocketOptions.None, TimeoutSeconds = 5 }),
            NullLogger<SmtpEmailSender>.Instance);

        await sender.SendAsync(Email("first"), CancellationToken.None);
        await server.FirstClosed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await sender.SendAsync(Email("second"), CancellationToken.None);
        await serving.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(2, server.Messages.Count);
        Assert.Contains("first", server.Messages[0], StringComparison.Ordinal);
        Assert.Contains("second", server.Messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_the_server_timed_out_with_a_421_is_replaced_and_the_next_email_still_goes_out()
    {
        using var server = new OneMessagePerConnectionSmtpServer(timeOutIdleWith421: true);
        var serving = server.ServeAsync(connections: 2);
        await using var sender = new SmtpEmailSender(
            Options.Create(new EmailOptions { Host = "127.0.0.1", Port = server.Port, Security = SecureSocketOptions.None, TimeoutSeconds = 5 }),
            NullLogger<SmtpEmailSender>.Instance);

        await sender.SendAsync(Email("first"), CancellationToken.None);
        await sender.SendAsync(Email("second"), CancellationToken.None); // the kept connection answers 421 and closes
        await serving.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(2, server.Messages.Count);
        Assert.Contains("second", server.Messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_under_dot_invalid_is_skipped_without_a_connection_and_the_next_email_goes_out()
    {
        using var server = new OneMessagePerConnectionSmtpServer();
        var serving = server.ServeAsync(connections: 1);
        await using var sender = new SmtpEmailSender(
            Options.Create(new EmailOptions { Host = "127.0.0.1", Port = server.Port, Security = SecureSocketOptions.None, TimeoutSeconds = 5 }),
            NullLogger<SmtpEmailSender>.Instance);

        await sender.SendAsync(Email("nobody") with { ToAddress = "pending-0a1b@no-email.invalid" }, CancellationToken.None);
        await sender.SendAsync(Email("somebody"), CancellationToken.None);
        await serving.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("somebody", Assert.Single(server.Messages), StringComparison.Ordinal);
    }

    private static EmailMessage Email(string subject) => new("kim@example.com", "Kim", "en", subject, "text", "<p>html</p>", "test." + subject);

    /// <summary>
    /// Just enough SMTP to take one message per connection, then hang up, as a server timing out an idle client does:
    /// silently, or (<paramref name="timeOutIdleWith421"/>) answering the next command with 421 first, as maildev does.
    /// </summary>
    private sealed class OneMessagePerConnectionSmtpServer(bool timeOutIdleWith421 = false) : IDisposable
    {
        private readonly TcpListener _listener = Listening(new TcpListener(IPAddress.Loopback, 0));

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public List<string> Messages { get; } = [];

        public TaskCompletionSource FirstClosed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task ServeAsync(int connections)
        {
            for (var i = 0; i < connections; i++)
            {
                using var client = await _listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { AutoFlush = true, NewLine = "\r\n" };
                await writer.WriteLineAsync("220 test");
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (line.StartsWith("DATA", StringComparison.OrdinalIgnoreCase))
                    {
                        await writer.WriteLineAsync("354 go on");
                        var message = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } data && data != ".")
                        {
                            message.AppendLine(data);
                        }

                        Messages.Add(message.ToString());
                        await writer.WriteLineAsync("250 queued");
                        if (timeOutIdleWith421 && i == 0 && await reader.ReadLineAsync() is not null)
                        {
                            await writer.WriteLineAsync("421 Timeout - closing connection");
                        }

                        break;
                    }

                    await writer.WriteLineAsync(line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase) ? "221 bye" : "250 ok");
                }

                client.Client.Shutdown(SocketShutdown.Both);
                FirstClosed.TrySetResult();
            }
        }

        public void Dispose() => _listener.Stop();

        private static TcpListener Listening(TcpListener listener)
        {
            listener.Start();
            return listener;
        }
    }
}
