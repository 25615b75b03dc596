using System.Net.Http.Json;
using System.Text.Json;

namespace LectureHub.IntegrationTests.Support;

public sealed record MailAddress(string Address, string Name);

/// <summary>An email as maildev received it over SMTP.</summary>
public sealed record DeliveredEmail(string Id, string Subject, string Text, string Html, List<MailAddress> To, Dictionary<string, JsonElement> Headers)
{
    public string Recipient => To.Single().Address;

    public string MessageId => Headers["message-id"].GetString()!;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value.GetString() : null;
}

/// <summary>
/// The inbox of the maildev SMTP sink that scripts/dev-services.sh runs (LH_MAILDEV_WEB_PORT), read through its REST
/// API: what the API actually delivered over SMTP.
/// </summary>
public static class Mailbox
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}/") };

    private static string WebPort => Environment.GetEnvironmentVariable("LH_MAILDEV_WEB_PORT") is { Length: > 0 } port ? port : "51080";

    /// <summary>
    /// Every email but the verification links that each sign-up sends (their Message-IDs start with
    /// <see cref="VerificationKey"/>), so tests of other emails count only theirs; <see cref="VerificationLinksToAsync"/> reads those.
    /// </summary>
    public static async Task<List<DeliveredEmail>> AllAsync() => (await DeliveredAsync()).Where(e => !IsVerification(e)).ToList();

    public static async Task<List<DeliveredEmail>> ToAsync(string address) => (await AllAsync()).Where(e => e.Recipient == address).ToList();

    /// <summary>Waits until the address has at least <paramref name="count"/> emails, and returns them in arrival order.</summary>
    public static async Task<List<DeliveredEmail>> WaitForAsync(string address, int count = 1)
    {
        var emails = new List<DeliveredEmail>();
        await Api.EventuallyAsync(async () => (emails = await ToAsync(address)).Count >= count, $"{count} email(s) to {address}");
        return emails;
    }

    public static async Task<List<DeliveredEmail>> VerificationLinksToAsync(string address) =>
        (await DeliveredAsync()).Where(e => IsVerification(e) && e.Recipient == address).ToList();

    /// <summary>Waits for the address's first verification email (sent on sign-up).</summary>
    public static async Task<DeliveredEmail> WaitForVerificationLinkAsync(string address)
    {
        var emails = new List<DeliveredEmail>();
        await Api.EventuallyAsync(async () => (emails = await VerificationLinksToAsync(address)).Count >= 1, $"a verification email to {address}");
        return emails[0];
    }

    private const string VerificationKey = "account.verifyemail.";

    private static bool IsVerification(DeliveredEmail email) => email.MessageId.TrimStart('<').StartsWith(VerificationKey, StringComparison.Ordinal);

    private static async Task<List<DeliveredEmail>> DeliveredAsync() => (await Http.GetFromJsonAsync<List<DeliveredEmail>>("api/email", Api.Json))!;

    public static async Task ClearAsync() => (await Http.DeleteAsync("api/email/all")).EnsureSuccessStatusCode();
}
