namespace LectureHub.Domain.Community;

/// <summary>One reaction per user per post or comment; switching replaces it.</summary>
public enum ReactionKind
{
    Like,
    Dislike,
}
