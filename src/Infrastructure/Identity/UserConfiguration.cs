using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Courses;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace LectureHub.Infrastructure.Identity;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ConfigureEntity();
        builder.HasXminConcurrencyToken();
        builder.Property(u => u.Email).HasMaxLength(User.MaxEmailLength);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(User.MaxEmailLength);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.HasIndex(u => new { u.CreatedAt, u.Id }); // the admin search's order, the dashboard's sign-ups per day
        builder.Property(u => u.DisplayName).HasMaxLength(User.MaxDisplayNameLength);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.SuspensionReason).HasMaxLength(User.MaxSuspensionReasonLength);
        builder.Ignore(u => u.IsSuspended);
        builder.Ignore(u => u.HasTwoFactor);
        builder.Property(u => u.TotpSecret).HasMaxLength(200);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Language).HasMaxLength(Languages.MaxLength).HasDefaultValue(Languages.Default);
        // Course search also matches the instructor's name; students' names are never searched, so not indexed.
        builder.Property<NpgsqlTsVector>(SearchSql.UserNameVector)
            .HasComputedColumnSql("to_tsvector('simple', lh_bigrams(display_name))", stored: true);
        builder.HasIndex(SearchSql.UserNameVector).HasMethod("gin").HasFilter(SearchSql.AuthorsOnly).HasStorageParameter("fastupdate", false);
    }
}
