using System.Text.RegularExpressions;
using LectureHub.Domain.Common;

namespace LectureHub.Domain.Categories;

/// <summary>A trade (전기, 용접, …) that courses and community boards belong to.</summary>
public sealed partial class Category : Entity
{
    public const int MaxSlugLength = 40;
    public const int MaxLabelLength = 40;
    public const int MaxIconLength = 64;

    private Category()
    {
    }

    public string Slug { get; private set; } = "";

    public string LabelKo { get; private set; } = "";

    public string LabelEn { get; private set; } = "";

    public string Icon { get; private set; } = "";

    public int SortOrder { get; private set; }

    public static Category Create(string slug, string labelKo, string labelEn, string icon, int sortOrder)
    {
        var category = new Category { Slug = slug };
        category.Apply(labelKo, labelEn, icon, sortOrder);
        category.Raise(new CategoriesChanged(category.Id));
        return category;
    }

    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug);

    public void Update(string labelKo, string labelEn, string icon, int sortOrder)
    {
        Apply(labelKo, labelEn, icon, sortOrder);
        Raise(new CategoriesChanged(Id));
    }

    public void MarkDeleted() => Raise(new CategoriesChanged(Id));

    private void Apply(string labelKo, string labelEn, string icon, int sortOrder)
    {
        if (!IsValidSlug(Slug))
        {
            throw new DomainException("CATEGORY_SLUG_INVALID", $"Slug '{Slug}' must be lower-case letters, digits and dashes.");
        }

        LabelKo = labelKo.Trim();
        LabelEn = labelEn.Trim();
        Icon = icon.Trim();
        SortOrder = sortOrder;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}

/// <summary>Raised on any change to the category list; its handler purges the cached list.</summary>
public sealed record CategoriesChanged(Guid CategoryId) : IDomainEvent;
