using LectureHub.Domain.Categories;
using LectureHub.Domain.Common;
using LectureHub.Domain.Users;

namespace LectureHub.UnitTests.Domain;

public sealed class UserAndCategoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_trims_normalises_the_email_and_raises_UserRegistered()
    {
        var user = User.Register("  Kim@Example.COM ", " 김용접 ", "hash", Role.Instructor, Now);

        Assert.Equal(("Kim@Example.COM", "kim@example.com", "김용접"), (user.Email, user.NormalizedEmail, user.DisplayName));
        var raised = Assert.IsType<UserRegistered>(Assert.Single(user.DomainEvents));
        Assert.Equal(new UserRegistered(user.Id, user.Email, Role.Instructor), raised);
    }

    [Fact]
    public void Renaming_raises_UserRenamed_only_when_the_name_changes()
    {
        var user = User.Register("a@b.co", "김용접", "hash", Role.Instructor, Now);
        user.ClearDomainEvents();

        user.Rename(" 김용접 ", Now);
        Assert.Empty(user.DomainEvents);

        user.Rename("김명장", Now);
        Assert.Equal(new UserRenamed(user.Id), Assert.Single(user.DomainEvents));
    }

    [Fact]
    public void A_social_sign_up_has_no_password_and_an_email_only_when_the_provider_verified_one()
    {
        var verified = User.RegisterExternal("Kim@Example.com", "김", Now);
        Assert.Equal(("kim@example.com", (DateTimeOffset?)Now, false, false), (verified.NormalizedEmail, verified.EmailVerifiedAt, verified.HasPassword, verified.NeedsEmail));

        var none = User.RegisterExternal(null, "이", Now);
        Assert.Equal($"pending-{none.Id:N}@{User.NoEmailDomain}", none.Email);
        Assert.True(none.NeedsEmail);
        Assert.Null(none.EmailVerifiedAt);
        Assert.Equal(new UserRegistered(none.Id, none.Email, Role.Student), Assert.Single(none.DomainEvents)); // the stand-in, not a shared placeholder

        none.ChangeEmail(" Lee@Example.com ", Now.AddDays(1));
        Assert.Equal(("Lee@Example.com", "lee@example.com", false), (none.Email, none.NormalizedEmail, none.NeedsEmail));
        Assert.Equal(Now.AddDays(1), none.EmailVerifiedAt);
    }

    [Fact]
    public void Terms_decisions_record_each_change_and_never_go_back_to_an_older_version()
    {
        var user = User.Register("a@b.co", "김", "hash", Role.Student, Now);

        Assert.Equal(3, user.DecideTerms(1, 1, 1, Now).Count);
        Assert.Empty(user.DecideTerms(1, 1, 1, Now));
        var withdrawal = Assert.Single(user.DecideTerms(1, 1, null, Now));
        Assert.Equal((LectureHub.Domain.Terms.TermsKind.Marketing, 1, false), (withdrawal.Kind, withdrawal.Version, withdrawal.Agreed));
        Assert.Equal("TERMS_VERSION_INVALID", Assert.Throws<DomainException>(() => user.DecideTerms(0, 1, null, Now)).Code);
    }

    [Theory]
    [InlineData(Role.Student, true)]
    [InlineData(Role.Instructor, true)]
    [InlineData(Role.Admin, false)]
    public void Only_students_and_instructors_can_self_register(Role role, bool allowed) =>
        Assert.Equal(allowed, User.CanSelfRegisterAs(role));

    [Fact]
    public void Every_category_change_raises_CategoriesChanged()
    {
        var category = Category.Create("welding", "용접", "Welding", "flame", 20);
        category.ClearDomainEvents();

        category.Update("특수용접", "Special Welding", "flame", 5);
        category.MarkDeleted();

        Assert.Equal(2, category.DomainEvents.Count(e => e is CategoriesChanged changed && changed.CategoryId == category.Id));
    }

    [Theory]
    [InlineData("Welding")]
    [InlineData("tile plaster")]
    [InlineData("-hvac")]
    [InlineData("hvac--repair")]
    public void A_category_with_a_bad_slug_is_refused(string slug)
    {
        var error = Assert.Throws<DomainException>(() => Category.Create(slug, "용접", "Welding", "flame", 1));
        Assert.Equal("CATEGORY_SLUG_INVALID", error.Code);
    }
}
