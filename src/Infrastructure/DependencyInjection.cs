using LectureHub.Infrastructure.Caching;
using LectureHub.Infrastructure.Cohorts;
using LectureHub.Infrastructure.Community;
using LectureHub.Infrastructure.Receipts;
using LectureHub.Infrastructure.Courses;
using LectureHub.Infrastructure.Dashboard;
using LectureHub.Infrastructure.Email;
using LectureHub.Infrastructure.Health;
using LectureHub.Infrastructure.Idempotency;
using LectureHub.Infrastructure.Identity;
using LectureHub.Infrastructure.Learning;
using LectureHub.Infrastructure.Live;
using LectureHub.Infrastructure.Media;
using LectureHub.Infrastructure.Notifications;
using LectureHub.Infrastructure.Observability;
using LectureHub.Infrastructure.Outbox;
using LectureHub.Infrastructure.Payments;
using LectureHub.Infrastructure.Persistence;
using LectureHub.Infrastructure.Reviews;
using LectureHub.Infrastructure.Settlement;
using LectureHub.Infrastructure.Terms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LectureHub.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Every adapter, one feature folder at a time; each folder's <c>Add…()</c> says what it registers.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var r = new Registration(services, configuration, environment);
        services.AddSingleton(TimeProvider.System);
        r.AddPersistence();
        r.AddCaching();
        r.AddOutbox();
        r.AddIdempotency();
        r.AddEmail();
        r.AddIdentity();
        r.AddTerms();
        r.AddCourses();
        r.AddCohorts();
        r.AddLive();
        r.AddReceipts();
        r.AddMedia();
        r.AddLearning();
        r.AddPayments();
        r.AddSettlement();
        r.AddDashboard();
        r.AddCommunity();
        r.AddReviews();
        r.AddNotifications();
        r.AddObservability();
        r.AddHealth();
        return services;
    }
}
