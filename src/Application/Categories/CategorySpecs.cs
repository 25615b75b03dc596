using Ardalis.Specification;
using LectureHub.Domain.Categories;

namespace LectureHub.Application.Categories;

public sealed class CategoryBySlugSpec : SingleResultSpecification<Category>
{
    public CategoryBySlugSpec(string slug) => Query.Where(c => c.Slug == slug);
}
