using LectureHub.Domain.Settlement;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Settlement;

internal sealed class PayoutAccountConfiguration : IEntityTypeConfiguration<PayoutAccount>
{
    public void Configure(EntityTypeBuilder<PayoutAccount> builder)
    {
        builder.ConfigureEntity();
        builder.Property(a => a.BankName).HasMaxLength(PayoutAccount.MaxBankNameLength);
        builder.Property(a => a.HolderName).HasMaxLength(PayoutAccount.MaxHolderNameLength);
        builder.Property(a => a.SealedAccountNumber).HasMaxLength(200);
        builder.Property(a => a.AccountNumberLast4).HasMaxLength(4);
        builder.HasIndex(a => a.InstructorId).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.InstructorId).OnDelete(DeleteBehavior.Cascade);
    }
}
