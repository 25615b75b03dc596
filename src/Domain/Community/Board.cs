using LectureHub.Domain.Common;

namespace LectureHub.Domain.Community;

/// <summary>
/// A community board: one per trade category, plus boards of their own (the general board has no category). Admins
/// add, rename and order them; the slug never changes, so links keep working.
/// </summary>
public sealed class Board : Entity
{
    public const int MaxNameLength = 40;
    public const int MaxDescriptionLength = 300;
    public const string GeneralSlug = "general";

    private Board()
    {
    }

    public string Slug { get; private set; } = "";

    public string NameKo { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>The trade this board belongs to; null for the general board and other boards of their own.</summary>
    public Guid? CategoryId { get; private set; }

    public int SortOrder { get; private set; }

    public static Board Create(string slug, string nameKo, string nameEn, string description, Guid? categoryId, int sortOrder)
    {
        if (!Categories.Category.IsValidSlug(slug))
        {
            throw new DomainException("BOARD_SLUG_INVALID", $"Slug '{slug}' must be lower-case letters, digits and dashes.");
        }

        var board = new Board { Slug = slug, CategoryId = categoryId };
        board.Rename(nameKo, nameEn, description, sortOrder);
        return board;
    }

    public void Rename(string nameKo, string nameEn, string description, int sortOrder)
    {
        (NameKo, NameEn, Description, SortOrder) = (nameKo.Trim(), nameEn.Trim(), description.Trim(), sortOrder);
        Raise(new BoardsChanged(Id));
    }
}

/// <summary>Raised on any change to the board list; its handler purges the cached list.</summary>
public sealed record BoardsChanged(Guid BoardId) : IDomainEvent;
