using System.Globalization;
using LectureHub.Domain.Terms;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Terms;

public sealed record TermsDocumentDto(TermsKind Kind, int Version, string Title, string Body, DateTimeOffset PublishedAt);

/// <summary>The newest version of each kind of terms: the ones in force.</summary>
public sealed record CurrentTerms(TermsDocumentDto Service, TermsDocumentDto Privacy, TermsDocumentDto? Marketing)
{
    public static CurrentTerms From(IReadOnlyCollection<TermsDocumentDto> newest) =>
        new(newest.SingleOrDefault(d => d.Kind == TermsKind.Service) ?? throw NotPublished(TermsKind.Service),
            newest.SingleOrDefault(d => d.Kind == TermsKind.Privacy) ?? throw NotPublished(TermsKind.Privacy),
            newest.SingleOrDefault(d => d.Kind == TermsKind.Marketing));

    /// <summary>The access token's record of the required versions a user agreed to (claim <c>terms</c>): "service.privacy".</summary>
    public static string AgreedClaim(User user) =>
        string.Create(CultureInfo.InvariantCulture, $"{user.ServiceTermsVersion}.{user.PrivacyTermsVersion}");

    /// <summary>Whether a token's <see cref="AgreedClaim"/> covers the required versions in force.</summary>
    public bool AreAgreedIn(string? claim)
    {
        var dot = claim?.IndexOf('.') ?? -1;
        return dot > 0
            && int.TryParse(claim.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var service)
            && int.TryParse(claim.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var privacy)
            && service >= Service.Version && privacy >= Privacy.Version;
    }

    private static InvalidOperationException NotPublished(TermsKind kind) =>
        new($"No {kind} terms are published: run `LectureHub.WebApi migrate`, which publishes the first version of each.");
}
