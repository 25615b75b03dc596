using LectureHub.Application.Abstractions;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LectureHub.Infrastructure.Email;

/// <summary>
/// Sends over SMTP with MailKit, keeping one connection open between messages (the outbox relay sends them one after
/// another; a new connection per email would triple the round trips). A connection the server closed while idle is
/// replaced once; any other failure is thrown for the outbox to retry. Addresses under the reserved ".invalid" domain
/// (a deleted account's, a social sign-up's without an email) reach nobody by definition (RFC 2606): they are skipped,
/// not sent to a relay that would bounce them into the outbox's retries.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (message.ToAddress.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Email {NotificationKey} not sent: its address is under .invalid (an account without a deliverable email)", message.NotificationKey);
            return;
        }

        var mime = ToMime(message, options.Value);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var reused = _client is { IsConnected: true };
            try
            {
                await SendOnceAsync(mime, cancellationToken);
            }
            catch (Exception ex) when (reused && IsClosedByServer(ex))
            {
                logger.LogInformation(ex, "The idle SMTP connection was closed by the server; reconnecting");
                await SendOnceAsync(mime, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// How a server's hang-up on an idle connection shows: the socket gone, or (maildev, Node's smtp-server, Postfix)
    /// a "421 Timeout - closing connection" answering the next command.
    /// </summary>
    private static bool IsClosedByServer(Exception ex) =>
        ex is IOException or ServiceNotConnectedException or SmtpProtocolException
            or SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    /// <summary>Sends on the open connection, or a new one; after any failure the connection is dropped, never reused.</summary>
    private async Task SendOnceAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        try
        {
            if (_client is not { IsConnected: true })
            {
                _client?.Dispose();
                _client = await ConnectAsync(options.Value, cancellationToken);
            }

            await _client.SendAsync(mime, cancellationToken);
        }
        catch (Exception)
        {
            _client?.Dispose();
            _client = null;
            throw;
        }
    }

    private static async Task<SmtpClient> ConnectAsync(EmailOptions settings, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch (Exception)
        {
            client.Dispose();
            throw;
        }
    }

    internal static MimeMessage ToMime(EmailMessage message, EmailOptions settings)
    {
        var domain = settings.FromAddress[(settings.FromAddress.LastIndexOf('@') + 1)..];
        var mime = new MimeMessage
        {
            // The same notification always gets the same Message-ID, so a redelivered email is recognisably a duplicate.
            MessageId = $"{message.NotificationKey}@{domain}",
            Subject = message.Subject,
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Headers.Add(HeaderId.ContentLanguage, message.Language);
        // RFC 3834: machine-sent, so auto-responders stay quiet.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        return mime;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true })
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or ServiceNotConnectedException)
            {
                // Shutting down: the server went first. Nothing is in flight (the gate is free), so nothing is lost.
                logger.LogDebug(ex, "SMTP QUIT failed at shutdown");
            }
        }

        _client?.Dispose();
        _gate.Dispose();
    }
}
