using System.Text.RegularExpressions;
using LectureHub.IntegrationTests.Support;

namespace LectureHub.IntegrationTests.Community;

/// <summary>Payloads from the OWASP XSS filter evasion cheat sheet, in post titles, bodies and comments.</summary>
public sealed partial class SanitizationTests(ApiFactory factory) : ApiTest(factory)
{
    public static readonly TheoryData<string> Payloads =
    [
        "<script>alert('XSS')</script>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=# onerror=\"alert('xxs')\">",
        "<img src=x onerror=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<SVG/onload=alert('XSS')>",
        "<BODY ONLOAD=alert('XSS')>",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
        "<a href=\"jav&#x0A;ascript:alert('XSS')\">x</a>",
        "[클릭](javascript:alert('XSS'))",
        "[클릭](JAVASCRIPT:alert(1))",
        "![img](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<div style=\"background-image: url(javascript:alert('XSS'))\">x</div>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "\"><script>alert(1)</script>",
        "<details open ontoggle=alert(1)>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Returned_html_carries_no_script_handler_or_javascript_url(string payload)
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");

        var title = payload[..Math.Min(payload.Length, 150)];
        var post = await Client.WritePostAsync(author, board.Id, title, $"본문 {payload}\n\n{payload}");
        var comment = await Client.CommentAsync(author, post.Id, payload);
        await Api.SettledAsync();
        var thread = await (await Client.SendAsync(HttpMethod.Get, $"/api/v1/posts/{post.Id}/comments")).ReadAsync<CommentPage>();

        foreach (var html in new[] { post.BodyHtml, comment.BodyHtml, thread.Items[0].BodyHtml })
        {
            Assert.DoesNotMatch(ScriptTag(), html);
            Assert.DoesNotMatch(HandlerAttribute(), html);
            Assert.DoesNotMatch(DangerousUrl(), html);
            Assert.DoesNotMatch(DangerousTag(), html);
        }

        // Titles and sources come back as typed: they are text, for the client to escape, never HTML.
        Assert.Equal((title, $"본문 {payload}\n\n{payload}"), (post.Title, post.BodyMarkdown));
    }

    [Fact]
    public async Task Links_are_kept_safe_and_marked_as_user_content()
    {
        var board = await Factory.BoardAsync(Client);
        var author = await Client.SignUpAsync("kim@example.com");
        var post = await Client.WritePostAsync(author, board.Id, body: "[자료](https://example.com/tig) <https://kosha.or.kr>");

        Assert.Contains("href=\"https://example.com/tig\"", post.BodyHtml);
        Assert.Contains("rel=\"nofollow ugc noopener\"", post.BodyHtml);
        Assert.Contains("href=\"https://kosha.or.kr\"", post.BodyHtml);
        Assert.Equal(post.BodyHtml, (await Client.ReadPostAsync(post.Id, author)).BodyHtml);
    }

    [GeneratedRegex("<\\s*/?\\s*script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    /// <summary>An attribute named on… inside a tag (text between tags may say "onerror=" harmlessly, escaped).</summary>
    [GeneratedRegex("<[^>]*\\son\\w+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerAttribute();

    /// <summary>Inside a tag: the source's own text is escaped (&amp;lt;), so a literal '&lt;' starts real markup.</summary>
    [GeneratedRegex("<[^>]*(href|src)\\s*=\\s*[\"']?\\s*(javascript|data|vbscript):", RegexOptions.IgnoreCase)]
    private static partial Regex DangerousUrl();

    [GeneratedRegex("<\\s*(iframe|svg|math|style|body|object|embed|details)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex DangerousTag();
}
