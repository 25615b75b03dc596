using LectureHub.Application.Common.Behaviors;

namespace LectureHub.UnitTests.Application;

public sealed class RequiredFieldsTests
{
    public sealed record Lesson(string Title, string? Note);

    public sealed record Chapter(string Title, IReadOnlyList<Lesson> Lessons);

    public sealed record Plan(string Name, string? Summary, IReadOnlyList<Chapter> Chapters, IReadOnlyList<string> Tags);

    [Fact]
    public void Nulls_where_the_types_allow_them_are_not_missing()
    {
        var plan = new Plan("계획", null, [new Chapter("1장", [new Lesson("1-1", null)])], ["용접"]);

        Assert.Empty(RequiredFields.Missing(plan));
    }

    [Fact]
    public void Missing_fields_are_named_by_their_path_inside_records_and_lists()
    {
        var plan = new Plan(null!, null, [new Chapter("1장", [new Lesson(null!, null), null!])], [null!]);

        Assert.Equal(["name", "chapters[0].lessons[0].title", "chapters[0].lessons[1]", "tags[0]"], RequiredFields.Missing(plan));
    }

    [Fact]
    public void A_missing_list_is_named_and_not_looked_inside()
    {
        Assert.Equal(["chapters"], RequiredFields.Missing(new Plan("계획", null, null!, [])));
    }
}
