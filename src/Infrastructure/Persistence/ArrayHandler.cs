using System.Data;
using Dapper;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>
/// Npgsql reads text[] and uuid[] as untyped arrays; read models expose string[] and Guid[]. As a parameter, such an
/// array goes to PostgreSQL as one array value (use <c>= ANY(@Values)</c>), not Dapper's list expansion.
/// </summary>
internal sealed class ArrayHandler<T> : SqlMapper.TypeHandler<T[]>
{
    public override T[] Parse(object value) => value as T[] ?? ((Array)value).Cast<T>().ToArray();

    public override void SetValue(IDbDataParameter parameter, T[]? value) => parameter.Value = value;
}
