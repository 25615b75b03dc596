namespace LectureHub.Domain.Users;

public enum Role
{
    Student = 0,
    Instructor = 1,
    Admin = 2,
}
