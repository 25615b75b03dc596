using System.Net;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Payments;

/// <summary>Where instructors are paid (issue #21: payout details need a step-up), stored sealed, shown masked, read whole by Admins only.</summary>
public sealed class PayoutAccountTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    private sealed record Masked(string BankName, string MaskedAccountNumber, string HolderName);

    private sealed record Details(Guid InstructorId, string BankName, string AccountNumber, string HolderName);

    private sealed record SteppedUp(string AccessToken);

    [Fact]
    public async Task An_instructor_sets_the_account_within_the_step_up_window_it_is_sealed_and_an_admin_reads_it_whole()
    {
        Factory.Clock.At = Start;
        var instructor = await Client.SignUpAsync("teacher@example.com", "Instructor");
        var admin = await Client.SignUpAsync("admin@example.com", "Admin");
        var instructorId = (await (await Client.SendAsync(HttpMethod.Get, "/api/v1/me", instructor)).ReadAsync<Me>()).Id;
        await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/payout-account", instructor)).ProblemAsync(HttpStatusCode.NotFound, "PAYOUT_ACCOUNT_NOT_SET");

        var body = new { bankName = "국민은행", accountNumber = "123-45-6789012", holderName = "김강사" };
        var set = await (await Client.SendAsync(HttpMethod.Put, "/api/v1/instructor/payout-account", instructor, body)).ReadAsync<Masked>();
        Assert.Equal(new Masked("국민은행", "****9012", "김강사"), set);
        Assert.Equal(set, await (await Client.SendAsync(HttpMethod.Get, "/api/v1/instructor/payout-account", instructor)).ReadAsync<Masked>());
        var stored = await Api.ScalarAsync<string>(ApiFactory.PrimaryConnectionString, "SELECT sealed_account_number FROM payout_accounts");
        Assert.DoesNotContain("6789012", stored);
        Assert.DoesNotContain("6789012", Convert.ToHexString(Convert.FromBase64String(stored!)));

        var details = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/admin/settlement/payout-accounts/{instructorId}", admin)).ReadAsync<Details>();
        Assert.Equal(new Details(instructorId, "국민은행", "123456789012", "김강사"), details);

        // Past the step-up window the change is refused until the instructor confirms it's them.
        Factory.Clock.At = Start.AddMinutes(11);
        var changed = body with { accountNumber = "999-99-9999999" };
        await (await Client.SendAsync(HttpMethod.Put, "/api/v1/instructor/payout-account", instructor, changed)).ProblemAsync(HttpStatusCode.Unauthorized, "STEP_UP_REQUIRED");
        await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/admin/settlement/payout-accounts/{instructorId}", admin)).ProblemAsync(HttpStatusCode.Unauthorized, "STEP_UP_REQUIRED");
        var stepped = await (await Client.SendAsync(HttpMethod.Post, "/api/v1/auth/step-up", instructor, new { password = Api.Password })).ReadAsync<SteppedUp>();
        Assert.Equal("****9999", (await (await Client.SendAsync(HttpMethod.Put, "/api/v1/instructor/payout-account", instructor with { AccessToken = stepped.AccessToken }, changed))
            .ReadAsync<Masked>()).MaskedAccountNumber);
    }

    [Fact]
    public async Task Bad_account_numbers_are_field_errors_and_students_have_no_payout_account()
    {
        var instructor = await Client.SignUpAsync("teacher@example.com", "Instructor");
        var student = await Client.SignUpAsync("student@example.com");

        var problem = await (await Client.SendAsync(HttpMethod.Put, "/api/v1/instructor/payout-account", instructor, new { bankName = "", accountNumber = "12a4567", holderName = "김" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["accountNumber", "bankName"], problem.Errors!.Keys.Order());
        await (await Client.SendAsync(HttpMethod.Put, "/api/v1/instructor/payout-account", student, new { bankName = "국민", accountNumber = "12345678", holderName = "김" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}
