using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>After signing up, in and out, buying and refunding, no log entry holds a secret or a person's data.</summary>
[Collection(ApiCollection.Name)]
public sealed class LogHygieneTests(PaymentApiFactory factory) : PaymentTest(factory)
{
    [Fact]
    public async Task An_auth_and_payment_journey_logs_no_password_token_payment_key_or_email()
    {
        Factory.Logs.Clear();
        Factory.Logs.Enabled = true;
        try
        {
            var (student, order) = await Client.PaidTwoCourseOrderAsync(Factory);
            var login = await Client.LoginAsync("student@lecturehub.test");
            var refreshed = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/auth/refresh", body: new { refreshToken = login.RefreshToken })).ReadAsync<Tokens>();
            var wrong = await Client.SendAsync(HttpMethod.Post, "/api/v1/auth/login", body: new { email = "student@lecturehub.test", password = "not-the-password-at-all" });
            await wrong.ProblemAsync(System.Net.HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
            var enrollment = await Api.ScalarAsync<Guid>(ApiFactory.PrimaryConnectionString, "SELECT id FROM enrollments WHERE course_id = @c", ("c", order.Lines[0].CourseId));
            await (await Client.SendAsync(HttpMethod.Post, $"/api/v1/enrollments/{enrollment}/refund", refreshed, new { reason = "일정 변경" })).ReadAsync<RefundView>();
            await Api.OutboxDrainedAsync();
            var paymentKey = await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT payment_key FROM orders WHERE id = @id", ("id", order.Id));

            var logs = Factory.Logs.Entries.ToList();
            Assert.Contains(logs, l => l.Contains("/api/v1/orders/{id:guid}/confirm answered 200", StringComparison.Ordinal) && l.Contains("TraceId=", StringComparison.Ordinal));
            string[] secrets =
            [
                Api.Password, "not-the-password-at-all", student.AccessToken, student.RefreshToken, login.AccessToken, login.RefreshToken,
                refreshed.AccessToken, refreshed.RefreshToken, paymentKey!, "student@lecturehub.test", "instructor@lecturehub.test",
            ];
            foreach (var secret in secrets)
            {
                var leak = logs.FirstOrDefault(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
                Assert.True(leak is null, $"A log entry holds '{secret}': {leak}");
            }
        }
        finally
        {
            Factory.Logs.Enabled = false;
        }
    }
}
