using LectureHub.Application.Abstractions;
using LectureHub.Application.Auth.Commands;
using LectureHub.Application.Categories.Commands;
using LectureHub.Application.Learning.Commands;
using LectureHub.Application.Terms;
using LectureHub.Application.Users.Commands;
using LectureHub.Domain.Terms;
using LectureHub.Domain.Users;
using NSubstitute;

namespace LectureHub.UnitTests.Application;

public sealed class ValidatorTests
{
    private static readonly TermsAgreement Agreed = new(2, 1, null);

    private static string[] FailingFields<T>(FluentValidation.IValidator<T> validator, T command) =>
        validator.ValidateAsync(command).GetAwaiter().GetResult().Errors.Select(e => e.PropertyName).Distinct().Order().ToArray();

    /// <summary>Service terms at version 2, privacy at 1, marketing at 3.</summary>
    private static RegisterValidator Registration()
    {
        var catalog = Substitute.For<ITermsCatalog>();
        TermsDocumentDto Doc(TermsKind kind, int version) => new(kind, version, kind.ToString(), "text", DateTimeOffset.UnixEpoch);
        catalog.CurrentAsync(default).ReturnsForAnyArgs(new CurrentTerms(Doc(TermsKind.Service, 2), Doc(TermsKind.Privacy, 1), Doc(TermsKind.Marketing, 3)));
        return new RegisterValidator(catalog);
    }

    [Fact]
    public void A_valid_registration_passes() =>
        Assert.Empty(FailingFields(Registration(), new RegisterWorkflow("kim@example.com", "long-enough-pw", "김용접", Role.Instructor, Terms: Agreed)));

    [Fact]
    public void Registration_checks_email_password_name_role_and_terms() =>
        Assert.Equal(
            ["DisplayName", "Email", "Language", "Password", "Role", "terms"],
            FailingFields(Registration(), new RegisterWorkflow("nope", "short", "   ", Role.Admin, "fr")));

    [Fact]
    public void Registration_needs_the_terms_in_force_and_marketing_at_its_version_or_declined()
    {
        Assert.Equal(["terms.marketing", "terms.service"], FailingFields(Registration(), new RegisterWorkflow("a@b.co", "long-enough-pw", "n", Terms: new(1, 1, 2))));
        Assert.Equal(["terms.privacy"], FailingFields(Registration(), new RegisterWorkflow("a@b.co", "long-enough-pw", "n", Terms: new(2, 2, null))));
        Assert.Empty(FailingFields(Registration(), new RegisterWorkflow("a@b.co", "long-enough-pw", "n", Terms: new(2, 1, 3))));
    }

    [Fact]
    public void A_password_longer_than_128_characters_is_refused() =>
        Assert.Equal(["Password"], FailingFields(Registration(), new RegisterWorkflow("a@b.co", new string('x', 129), "n", Terms: Agreed)));

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
