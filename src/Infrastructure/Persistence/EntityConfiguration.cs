using System.Runtime.CompilerServices;
using LectureHub.Application.Common;
using LectureHub.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Persistence;

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

    /// <summary>
    /// A value object stored as jsonb, written and read with <see cref="StoredJson"/> (which Dapper queries share).
    /// The domain never changes one in place, it assigns a new one (a form revision, new terms), so change tracking
    /// compares references and keeps the loaded object as its snapshot. Comparing by content would serialize every
    /// tracked form and term list on load and again on every save: measurable on the sign-up path.
    /// </summary>
    public static PropertyBuilder<T> StoredAsJson<T>(this PropertyBuilder<T> property)
        where T : class =>
        property.HasColumnType("jsonb").HasConversion(
            v => StoredJson.Write(v),
            json => StoredJson.Read<T>(json),
            new ValueComparer<T>((a, b) => ReferenceEquals(a, b), v => RuntimeHelpers.GetHashCode(v), v => v));

    /// <summary>Optimistic concurrency on PostgreSQL's xmin system column: a lost update becomes a 409.</summary>
    public static void HasXminConcurrencyToken<T>(this EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<uint>("Version").IsRowVersion();
}
