using LectureHub.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Persistence.Configurations;

internal static class EntityConfiguration
{
    /// <summary>Key, no generated id (ids are UUIDv7 made in the domain), events not mapped.</summary>
    public static void ConfigureEntity<T>(this EntityTypeBuilder<T> builder)
        where T : Entity
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Ignore(e => e.DomainEvents);
    }

    /// <summary>Optimistic concurrency on PostgreSQL's xmin system column: a lost update becomes a 409.</summary>
    public static void HasXminConcurrencyToken<T>(this EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<uint>("Version").IsRowVersion();
}
