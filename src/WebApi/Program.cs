using System.Text.Json.Serialization;
using LectureHub.Application;
using LectureHub.Application.Common.Behaviors;
using LectureHub.Infrastructure;
using LectureHub.Infrastructure.Demo;
using LectureHub.Infrastructure.Persistence;
using LectureHub.WebApi.Endpoints;
using LectureHub.WebApi.Infrastructure;
using Scalar.AspNetCore;

if (args is ["errors"])
{
    // docs/errors.md: LectureHub.WebApi.dll errors > docs/errors.md
    Console.Write(ErrorCatalog.Document());
    return;
}

if (args is ["hash-bench", .. var seconds])
{
    // docs/benchmarks.md: password hashes per second on this machine, to size PasswordHashing:Concurrency.
    var each = TimeSpan.FromSeconds(seconds is [var s] ? double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 10);
    Console.Write(LectureHub.Infrastructure.Identity.PasswordHashBenchmark.Run(new LectureHub.Infrastructure.Identity.PasswordHashingOptions(), each));
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddMediator(options =>
    {
        options.ServiceLifetime = ServiceLifetime.Scoped;
        options.Assemblies = [typeof(LectureHub.Application.DependencyInjection)];
        options.PipelineBehaviors = [typeof(TelemetryBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
    });

builder.AddLectureHubObservability();

var requestLimits = builder.Configuration.GetSection(RequestLimitOptions.Section).Get<RequestLimitOptions>() ?? new RequestLimitOptions();
builder.WebHost.ConfigureKestrel(kestrel => RequestLimits.ApplyTo(requestLimits, kestrel));
builder.Services
    .AddHttpContextAccessor()
    .AddScoped<LectureHub.Application.Abstractions.ICurrentUser, HttpCurrentUser>()
    .AddScoped<LectureHub.Application.Abstractions.IRequestClient, HttpRequestClient>()
    .AddLectureHubProblemDetails()
    .AddLectureHubAuth()
    .AddLectureHubRateLimiting(builder.Configuration)
    .AddLectureHubCors(builder.Configuration)
    .AddOpenApi(options => options
        .AddDocumentTransformer<ApiContractTransformer>()
        .AddOperationTransformer<ApiContractTransformer>()
        .AddDocumentTransformer<ErrorCatalogTransformer>())
    .ConfigureHttpJsonOptions(json =>
    {
        json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        json.SerializerOptions.Converters.Add(new CleanStringConverter());
    })
    .Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true)
    .AddLectureHubProxies(builder.Configuration);

if (args is ["migrate", ..])
{
    // The seeder sends hundreds of use cases; what it reports is its own summary, not each command and statement.
    builder.Services.AddDemoSeeding();
    builder.Logging.AddFilter("LectureHub.Application.Common.Behaviors", LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
}

var app = builder.Build();

if (args is ["migrate", .. var flags])
{
    // Deployment step, run explicitly by scripts/run.sh, scripts/test.sh or a release pipeline; never at start-up.
    // --demo-accounts: the demo accounts only (the load suite's databases); --demo-data: those and the demo shop.
    await DatabaseSetup.MigrateAsync(app.Services, CancellationToken.None);
    await DatabaseSetup.SeedCategoriesAsync(app.Services, CancellationToken.None);
    await DatabaseSetup.SeedBoardsAsync(app.Services, CancellationToken.None);
    await DatabaseSetup.SeedTermsAsync(app.Services, CancellationToken.None);
    if (flags.Contains("--demo-accounts") || flags.Contains("--demo-data"))
    {
        await DatabaseSetup.SeedDemoAccountsAsync(app.Services, CancellationToken.None);
    }

    if (flags.Contains("--demo-data"))
    {
        await DemoServices.SeedDemoShopAsync(app.Services, CancellationToken.None);
    }

    return;
}

app.UseKnownProxies();
app.UseLectureHubObservability();
app.UseExceptionHandler();
app.UseCors();
app.UseStatusCodePages();
app.UseCleanQueryAndRoute();
app.UseRequestSizeLimits(requestLimits);
app.UseRequestBodyLimit(requestLimits.MaxBodyBytes);
app.UseAuthentication();
app.UseAuthorization();
app.UseLectureHubRateLimits();

app.MapHealthEndpoints();
if (HostRoles.Of(app.Configuration).ServesApi())
{
    // A worker (Role=worker) answers its probes and nothing else: its work comes from the database, not from HTTP.
    MapApi(app);
}

await app.RunAsync();

static void MapApi(WebApplication app)
{
    app.UseMediaFiles();
    app.UseLocalCdn();
    app.UseDemoPlayer();
    app.MapOpenApi();
    app.MapScalarApiReference();

    var api = app.MapGroup("/api/v1");
    api.AddEndpointFilter<TermsGate>();
    api.MapAuthEndpoints();
    api.MapTermEndpoints();
    api.MapMeEndpoints();
    api.MapCategoryEndpoints();
    api.MapCourseEndpoints();
    api.MapLectureEndpoints();
    api.MapVideoUploadEndpoints();
    api.MapCertificateEndpoints();
    api.MapCohortEndpoints();
    api.MapLiveSessionEndpoints();
    api.MapCalendarEndpoints();
    api.MapOrderEndpoints();
    api.MapEnrollmentEndpoints();
    api.MapCouponEndpoints();
    api.MapPaymentEndpoints();
    api.MapInstructorEndpoints();
    api.MapBoardEndpoints();
    api.MapPostEndpoints();
    api.MapCommentEndpoints();
    api.MapReviewEndpoints();
    api.MapQuestionEndpoints();
    api.MapAnswerEndpoints();
    api.MapAdminEndpoints();
}

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
