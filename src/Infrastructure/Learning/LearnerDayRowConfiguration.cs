using LectureHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Learning;

internal sealed class LearnerDayRowConfiguration : IEntityTypeConfiguration<LearnerDayRow>
{
    public void Configure(EntityTypeBuilder<LearnerDayRow> builder)
    {
        builder.ToTable("learner_days");
        builder.HasKey(d => new { d.Day, d.StudentId });
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.StudentId, d.Day }); // a student's previous active day (the dashboard's roll-up)
    }
}
