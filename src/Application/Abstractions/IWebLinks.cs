using LectureHub.Domain.Users;

namespace LectureHub.Application.Abstractions;

/// <summary>Addresses on the web client that emails link to.</summary>
public interface IWebLinks
{
    /// <summary>The page that takes an emailed link of <paramref name="purpose"/>, with its value.</summary>
    string AccountLink(AccountTokenPurpose purpose, string value);

    /// <summary>
    /// The page a social sign-in's callback sends the browser to: {LinkBaseUrl}/oauth/complete with the intent and
    /// either the ticket to redeem or the error code.
    /// </summary>
    string ExternalSignInCompletion(string intent, string? ticket, string? errorCode);
}
