using LectureHub.Domain.Community;

namespace LectureHub.Application.Community;

/// <summary>
/// Markdown to HTML that is safe to put in a page: no script, no event-handler attribute, no javascript: or data: URL,
/// links marked nofollow. Rendered once when the text is written, so readers never pay for it.
/// </summary>
public interface IMarkdownRenderer
{
    RenderedText Render(string markdown);
}
