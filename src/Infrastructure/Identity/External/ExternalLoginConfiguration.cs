using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Identity.External;

internal sealed class ExternalLoginConfiguration : IEntityTypeConfiguration<ExternalLogin>
{
    public void Configure(EntityTypeBuilder<ExternalLogin> builder)
    {
        builder.ConfigureEntity();
        builder.Property(l => l.Provider).HasMaxLength(20);
        builder.Property(l => l.Subject).HasMaxLength(ExternalProviders.MaxSubjectLength);
        builder.Property(l => l.Email).HasMaxLength(User.MaxEmailLength);
        // One identity signs in to one account (two first sign-ins racing: one commits); one identity per provider per account.
        builder.HasIndex(l => new { l.Provider, l.Subject }).IsUnique();
        builder.HasIndex(l => new { l.UserId, l.Provider }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
