namespace LectureHub.Domain.Courses;

public enum CourseLevel
{
    Beginner = 0,
    Intermediate = 1,
    Advanced = 2,
}

public enum CourseStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}
