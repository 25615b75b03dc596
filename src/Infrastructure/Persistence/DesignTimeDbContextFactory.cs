using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>Lets dotnet-ef build the model to create migrations without starting the web host or a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseLectureHubNpgsql("Host=localhost;Database=design_time");
        return new AppDbContext(options.Options);
    }
}
