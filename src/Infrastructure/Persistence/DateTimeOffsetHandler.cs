using System.Data;
using Dapper;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>Npgsql reads timestamptz as a UTC DateTime; read models expose DateTimeOffset.</summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateTimeOffset dto => dto,
        _ => throw new DataException($"Cannot read {value.GetType()} as DateTimeOffset."),
    };

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();
}
