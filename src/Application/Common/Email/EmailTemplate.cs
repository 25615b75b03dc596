using System.Net;
using System.Text.RegularExpressions;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Users;

namespace LectureHub.Application.Common.Email;

/// <summary>
/// A subject and paragraphs with {placeholders}, rendered to a plain-text and an HTML body with the footer of the
/// recipient's language. Values are filled in one pass (a name that contains "{cohort}" stays as typed) and
/// HTML-escaped in the HTML body.
/// </summary>
internal sealed partial record EmailTemplate(string Subject, params string[] Paragraphs)
{
    private static readonly Dictionary<string, string> Footers = new()
    {
        [Languages.Korean] = "LectureHub · 이 메일은 발신 전용입니다.",
        [Languages.English] = "LectureHub · This mailbox is not monitored.",
    };

    /// <summary>The template for the language, or the Korean one when a language has none (yet).</summary>
    public static (string Language, EmailTemplate Template) For<TKey>(IReadOnlyDictionary<(string Language, TKey Kind), EmailTemplate> templates, string language, TKey kind)
        where TKey : notnull =>
        templates.TryGetValue((language, kind), out var template) ? (language, template) : (Languages.Default, templates[(Languages.Default, kind)]);

    public EmailMessage Render(string toAddress, string toName, string language, IReadOnlyDictionary<string, string> values, string notificationKey)
    {
        var paragraphs = Paragraphs.Select(p => Fill(p, values)).Append(Footers[language]).ToList();
        return new EmailMessage(
            toAddress,
            toName,
            language,
            Fill(Subject, values),
            string.Join("\n\n", paragraphs) + "\n",
            "<!DOCTYPE html><html><body>" + string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>")) + "</body></html>",
            notificationKey);
    }

    /// <summary>Fills one line's placeholders in one pass (for text shown outside an email, like an inbox line).</summary>
    public static string FillText(string text, IReadOnlyDictionary<string, string> values) => Fill(text, values);

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) => Placeholder().Replace(text, m => values[m.Value]);

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex Placeholder();
}
