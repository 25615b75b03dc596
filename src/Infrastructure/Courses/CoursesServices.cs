using LectureHub.Application.Courses;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Courses;

internal static class CoursesServices
{
    public static void AddCourses(this Registration r)
    {
        r.Services.AddScoped<ICourseStats, CourseStats>();
        r.Services.AddSingleton<IThumbnailStore, LocalThumbnailStore>();
        r.Services.AddSingleton<IMaterialStore, LocalMaterialStore>();
    }
}
