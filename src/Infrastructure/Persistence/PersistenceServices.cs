using Dapper;
using LectureHub.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Persistence;

internal static class PersistenceServices
{
    /// <summary>The primary (EF Core, one transaction per command) and the replicas (Dapper, PreferStandby).</summary>
    public static void AddPersistence(this Registration r)
    {
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new ArrayHandler<string>());
        SqlMapper.AddTypeHandler(new ArrayHandler<Guid>());
        r.Services.AddSingleton(_ => DataSources.Create(r.Required("ConnectionStrings:Primary"), r.Required("ConnectionStrings:Replica")));
        r.Services.AddDbContextPool<AppDbContext>((sp, options) => options.UseLectureHubNpgsql(sp.GetRequiredService<DataSources>().Primary));
        r.Services.AddScoped<IReadDb, ReadDb>();
        r.Services.AddScoped<IUnitOfWork, UnitOfWork>();
        r.Services.AddScoped(typeof(IRepository<>), typeof(Repository<>));
    }
}
