using Ganss.Xss;
using LectureHub.Application.Community;
using LectureHub.Domain.Community;
using Markdig;

namespace LectureHub.Infrastructure.Community;

/// <summary>
/// Markdig (CommonMark plus tables, task lists, autolinks; raw HTML in the source is escaped, not passed through), then
/// HtmlSanitizer with an allow-list of the tags Markdown makes and http(s)/mailto URLs only, so no script, event
/// handler, style, iframe or javascript: URL survives, whatever the source says. Links get rel="nofollow ugc noopener"
/// (user content must not lend the site's reputation to spam) and open in a new tab.
/// </summary>
internal sealed class MarkdownRenderer : IMarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public RenderedText Render(string markdown) => new(markdown, _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "ins", "mark", "sub", "sup", "code", "pre",
                "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "input",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "type", "checked", "disabled", "align", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow ugc noopener");
                link.SetAttribute("target", "_blank");
            }
        };
        return sanitizer;
    }
}
