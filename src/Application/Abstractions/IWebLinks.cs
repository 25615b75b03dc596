using LectureHub.Domain.Users;

namespace LectureHub.Application.Abstractions;

/// <summary>Addresses on the web client that emails link to.</summary>
public interface IWebLinks
{
    /// <summary>The page that takes an emailed link of <paramref name="purpose"/>, with its value.</summary>
    string AccountLink(AccountTokenPurpose purpose, string value);
}
