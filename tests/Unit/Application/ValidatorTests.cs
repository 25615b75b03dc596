using LectureHub.Application.Auth.Commands;
using LectureHub.Application.Categories.Commands;
using LectureHub.Application.Learning.Commands;
using LectureHub.Application.Users.Commands;
using LectureHub.Domain.Users;

namespace LectureHub.UnitTests.Application;

public sealed class ValidatorTests
{
    private static string[] FailingFields<T>(FluentValidation.IValidator<T> validator, T command) =>
        validator.Validate(command).Errors.Select(e => e.PropertyName).Distinct().Order().ToArray();

    [Fact]
    public void A_valid_registration_passes() =>
        Assert.Empty(FailingFields(new RegisterValidator(), new RegisterWorkflow("kim@example.com", "long-enough-pw", "김용접", Role.Instructor)));

    [Fact]
    public void Registration_checks_email_password_name_and_role() =>
        Assert.Equal(
            ["DisplayName", "Email", "Language", "Password", "Role"],
            FailingFields(new RegisterValidator(), new RegisterWorkflow("nope", "short", "   ", Role.Admin, "fr")));

    [Fact]
    public void A_password_longer_than_128_characters_is_refused() =>
        Assert.Equal(["Password"], FailingFields(new RegisterValidator(), new RegisterWorkflow("a@b.co", new string('x', 129), "n")));

    [Fact]
    public void Update_me_accepts_absent_fields_but_not_a_blank_name_or_an_unknown_language()
    {
        Assert.Empty(FailingFields(new UpdateMeValidator(), new UpdateMeCommand(null)));
        Assert.Equal(["DisplayName"], FailingFields(new UpdateMeValidator(), new UpdateMeCommand(" ")));
        Assert.Empty(FailingFields(new UpdateMeValidator(), new UpdateMeCommand(null, "en")));
        Assert.Equal(["Language"], FailingFields(new UpdateMeValidator(), new UpdateMeCommand(null, "EN")));
    }

    [Fact]
    public void Category_creation_checks_slug_labels_icon_and_order() =>
        Assert.Equal(
            ["icon", "labelEn", "labelKo", "Slug", "sortOrder"],
            FailingFields(new CreateCategoryValidator(), new CreateCategoryCommand("Not A Slug", "", "", "", -1)));

    [Fact]
    public void A_heartbeat_needs_a_session_a_forward_interval_within_a_lecture_and_a_rate_players_offer()
    {
        Assert.Empty(FailingFields(new RecordHeartbeatValidator(), new RecordHeartbeatWorkflow(Guid.NewGuid(), "session-token", 0, 0, 10, 2, 10)));
        Assert.Equal(
            ["From", "Position", "Rate", "Seq", "SessionId", "To"],
            FailingFields(new RecordHeartbeatValidator(), new RecordHeartbeatWorkflow(Guid.NewGuid(), "", -1, -1, -2, 16, 6 * 3600 + 1)));
        Assert.Equal(["To"], FailingFields(new RecordHeartbeatValidator(), new RecordHeartbeatWorkflow(Guid.NewGuid(), "session-token", 0, 10, 9, 1, 10)));
        Assert.Equal(["Rate"], FailingFields(new RecordHeartbeatValidator(), new RecordHeartbeatWorkflow(Guid.NewGuid(), "session-token", 0, 0, 0, double.NaN, 0)));
    }
}
