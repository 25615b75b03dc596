using LectureHub.StandardWebhooks;

namespace LectureHub.UnitTests.Infrastructure;

/// <summary>Against the test vector the Standard Webhooks specification's own libraries are tested with.</summary>
public sealed class StandardWebhookTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Body = "{\"test\": 2432232314}";
    private static readonly byte[] BodyBytes = System.Text.Encoding.UTF8.GetBytes(Body);
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    private readonly StandardWebhook _webhook = new(Secret);

    [Fact]
    public void Signing_the_published_vector_gives_the_published_signature_with_or_without_the_prefix()
    {
        Assert.Equal(Signature, _webhook.Sign(Id, SentAt, BodyBytes));
        Assert.Equal(Signature, new StandardWebhook(Secret["whsec_".Length..]).Sign(Id, SentAt, BodyBytes));
    }

    [Fact]
    public void The_published_vector_verifies_within_five_minutes_either_way_and_among_other_signatures()
    {
        _webhook.Verify(Id, "1614265330", Signature, BodyBytes, SentAt.AddMinutes(5));
        _webhook.Verify(Id, "1614265330", Signature, BodyBytes, SentAt.AddMinutes(-5));
        _webhook.Verify(Id, "1614265330", $"v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,{Signature[3..]} {Signature}", BodyBytes, SentAt);
    }

    [Theory]
    [InlineData(null, "1614265330", Signature, Body, 0, WebhookRejection.MissingHeaders)]
    [InlineData(Id, "", Signature, Body, 0, WebhookRejection.MissingHeaders)]
    [InlineData(Id, "1614265330", null, Body, 0, WebhookRejection.MissingHeaders)]
    [InlineData(Id, "yesterday", Signature, Body, 0, WebhookRejection.BadTimestamp)]
    [InlineData(Id, "1614265330", Signature, Body, 301, WebhookRejection.TimestampOutOfTolerance)]
    [InlineData(Id, "1614265330", Signature, Body, -301, WebhookRejection.TimestampOutOfTolerance)]
    [InlineData(Id, "1614265330", Signature, "{\"test\": 2432232315}", 0, WebhookRejection.NoMatchingSignature)]
    [InlineData("msg_other", "1614265330", Signature, Body, 0, WebhookRejection.NoMatchingSignature)]
    [InlineData(Id, "1614265331", Signature, Body, 0, WebhookRejection.NoMatchingSignature)]
    [InlineData(Id, "1614265330", "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Body, 0, WebhookRejection.NoMatchingSignature)]
    [InlineData(Id, "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLawdd", Body, 0, WebhookRejection.NoMatchingSignature)]
    [InlineData(Id, "1614265330", "v1,not base64!", Body, 0, WebhookRejection.NoMatchingSignature)]
    public void Anything_else_is_refused_with_its_reason(string? id, string? timestamp, string? signature, string body, int secondsLater, WebhookRejection reason)
    {
        var error = Assert.Throws<WebhookVerificationException>(() => _webhook.Verify(id, timestamp, signature, System.Text.Encoding.UTF8.GetBytes(body), SentAt.AddSeconds(secondsLater)));

        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void A_secret_must_be_base64_and_not_empty()
    {
        Assert.Throws<FormatException>(() => new StandardWebhook("whsec_not*base64"));
        Assert.Throws<ArgumentException>(() => new StandardWebhook("whsec_"));
    }
}
