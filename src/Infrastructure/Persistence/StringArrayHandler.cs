using System.Data;
using Dapper;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>
/// Npgsql reads text[] as an untyped array; read models expose string[]. As a parameter, a string[] goes to PostgreSQL
/// as one array value (use <c>= ANY(@Values)</c>), not Dapper's list expansion.
/// </summary>
internal sealed class StringArrayHandler : SqlMapper.TypeHandler<string[]>
{
    public override string[] Parse(object value) => value as string[] ?? ((Array)value).Cast<string>().ToArray();

    public override void SetValue(IDbDataParameter parameter, string[]? value) => parameter.Value = value;
}
