using LectureHub.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Demo;

public static class DemoServices
{
    /// <summary>
    /// For the migrate step only: the caller is the demo account a seeding scope acts as (<see cref="DemoActor"/>),
    /// replacing the HTTP caller registered before it.
    /// </summary>
    public static IServiceCollection AddDemoSeeding(this IServiceCollection services) => services
        .AddScoped<DemoActor>()
        .AddScoped<ICurrentUser>(sp => sp.GetRequiredService<DemoActor>())
        .AddTransient<DemoSeeder>();

    public static Task SeedDemoShopAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
}
