using LectureHub.Domain.Categories;
using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Cohorts;

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.ConfigureEntity();
        builder.HasXminConcurrencyToken();
        builder.Property(c => c.Title).HasMaxLength(Cohort.MaxTitleLength);
        builder.Property(c => c.Description).HasMaxLength(Cohort.MaxDescriptionLength);
        builder.Property(c => c.Location).HasMaxLength(Cohort.MaxLocationLength);
        builder.Property(c => c.Selection).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Form).StoredAsJson();
        builder.Property(c => c.Terms).StoredAsJson();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Region).HasMaxLength(20);
        builder.Property(c => c.CancellationReason).HasMaxLength(Cohort.MaxCancellationReasonLength);
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.OwnerId, c.CreatedAt, c.Id });
        // The public list: open or upcoming, soonest deadline first.
        builder.HasIndex(c => new { c.RecruitEndsAt, c.Id }).HasFilter("visibility = 'Public' AND cancelled_at IS NULL")
            .HasDatabaseName("ix_cohorts_public_recruit_ends_at");
        builder.HasIndex(c => c.CourseId);
        builder.ToTable(t => t.HasCheckConstraint("ck_cohorts_fee_krw", "fee_krw >= 0"));
    }
}
