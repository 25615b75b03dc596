using LectureHub.Domain.Terms;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Terms;

internal sealed class TermsDocumentConfiguration : IEntityTypeConfiguration<TermsDocument>
{
    public const string Table = "terms_documents";

    public void Configure(EntityTypeBuilder<TermsDocument> builder)
    {
        builder.ToTable(Table);
        builder.ConfigureEntity();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Title).HasMaxLength(TermsDocument.MaxTitleLength);
        builder.Property(d => d.Body).HasMaxLength(TermsDocument.MaxBodyLength);
        builder.HasIndex(d => new { d.Kind, d.Version }).IsUnique();
    }
}

internal sealed class TermsDecisionConfiguration : IEntityTypeConfiguration<TermsDecision>
{
    public void Configure(EntityTypeBuilder<TermsDecision> builder)
    {
        builder.ToTable("terms_decisions");
        builder.ConfigureEntity();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(d => new { d.UserId, d.Kind, d.DecidedAt });
        // Kept with the account: a deleted account's id stays (anonymized), and so does the record of what it agreed to.
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
