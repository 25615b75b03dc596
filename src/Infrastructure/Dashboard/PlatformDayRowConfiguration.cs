using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Dashboard;

internal sealed class PlatformDayRowConfiguration : IEntityTypeConfiguration<PlatformDayRow>
{
    public void Configure(EntityTypeBuilder<PlatformDayRow> builder)
    {
        builder.ToTable("platform_days");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.Day, d.CategoryId }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class PlatformLearnerGapRowConfiguration : IEntityTypeConfiguration<PlatformLearnerGapRow>
{
    public void Configure(EntityTypeBuilder<PlatformLearnerGapRow> builder)
    {
        builder.ToTable("platform_learner_gaps");
        builder.HasKey(g => g.Id);
        builder.HasIndex(g => new { g.Day, g.DaysSincePrevious }).IsUnique().AreNullsDistinct(false);
    }
}
