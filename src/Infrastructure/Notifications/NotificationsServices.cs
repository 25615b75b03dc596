using LectureHub.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Notifications;

internal static class NotificationsServices
{
    public static void AddNotifications(this Registration r) => r.Services.AddScoped<INotificationInbox, NotificationInbox>();
}
