using LectureHub.Domain.Categories;

namespace LectureHub.Application.Categories;

public sealed record CategoryDto(Guid Id, string Slug, string LabelKo, string LabelEn, string Icon, int SortOrder)
{
    public static CategoryDto From(Category c) => new(c.Id, c.Slug, c.LabelKo, c.LabelEn, c.Icon, c.SortOrder);
}
