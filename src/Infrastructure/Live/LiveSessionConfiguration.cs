using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Live;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Live;

internal sealed class LiveSessionConfiguration : IEntityTypeConfiguration<LiveSession>
{
    public void Configure(EntityTypeBuilder<LiveSession> builder)
    {
        builder.ConfigureEntity();
        builder.HasXminConcurrencyToken(); // two starts or ends at once: one wins, the other reloads
        builder.Property(s => s.Title).HasMaxLength(LiveSession.MaxTitleLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(s => s.AssistantIds);
        builder.Property<List<Guid>>("_assistantIds").HasColumnName("assistant_ids");
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.HostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CourseId, s.StartsAt });
        builder.HasIndex(s => new { s.CohortId, s.StartsAt });
        builder.HasIndex(s => new { s.HostId, s.StartsAt });
        builder.ToTable(t => t.HasCheckConstraint("ck_live_sessions_one_parent", "(course_id IS NULL) <> (cohort_id IS NULL)"));
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ConfigureEntity();
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.UserId).IsUnique();
        builder.HasIndex(f => f.TokenHash).IsUnique();
    }
}

