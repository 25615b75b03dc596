using LectureHub.Infrastructure.Community;

namespace LectureHub.UnitTests.Infrastructure;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zy8+)")]
    public void Links_to_script_or_data_urls_lose_their_url(string markdown)
    {
        var html = _renderer.Render(markdown).Html;

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Raw_html_is_text_and_markdown_is_markup()
    {
        var rendered = _renderer.Render("<b onclick=x>굵게</b> **진짜 굵게**\n\n| 전압 | 전류 |\n|---|---|\n| 220 | 10 |");

        Assert.Contains("&lt;b onclick=x&gt;", rendered.Html);
        Assert.Contains("<strong>진짜 굵게</strong>", rendered.Html);
        Assert.Contains("<td>220</td>", rendered.Html);
        Assert.StartsWith("<b onclick", rendered.Markdown);
    }

    [Fact]
    public void Links_are_nofollow_and_open_in_a_new_tab()
    {
        var html = _renderer.Render("[KOSHA](https://kosha.or.kr)").Html;

        Assert.Equal("<p><a href=\"https://kosha.or.kr\" rel=\"nofollow ugc noopener\" target=\"_blank\">KOSHA</a></p>\n", html);
    }
}
