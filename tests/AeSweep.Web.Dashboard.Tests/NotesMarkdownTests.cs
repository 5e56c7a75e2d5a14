using AeSweep.Web.Components.Notes;
using Bunit;

namespace AeSweep.Web.Dashboard.Tests;

/// <summary>Notes rendered as Markdown: formatting works, and nothing in a note can inject markup or script.</summary>
public sealed class NotesMarkdownTests : IDisposable
{
    private readonly BunitContext _context = new();

    [Fact]
    public void Markdown_is_rendered()
    {
        var view = _context.Render<MarkdownView>(p => p.Add(c => c.Text, "## Plan\n- **wider** codes\n- [docs](https://example.org/a?b=c)\n\n| a | b |\n|---|---|\n| 1 | 2 |"));

        Assert.Equal("Plan", view.Find("h2").TextContent);
        Assert.Equal("wider", view.Find("li strong").TextContent);
        Assert.Equal("https://example.org/a?b=c", view.Find("a").GetAttribute("href"));
        Assert.Equal(2, view.FindAll("td").Count);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("hello <img src=x onerror=alert('x')> world")]
    [InlineData("<div onclick=\"alert('x')\">click</div>")]
    [InlineData("[click](javascript:alert('x'))")]
    [InlineData("[click](JaVa\tScRiPt:alert('x'))")]
    [InlineData("![pic](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert('x')>")]
    [InlineData("text {onclick=alert('x')}")]
    public void Html_and_script_in_notes_are_escaped_or_dropped(string notes)
    {
        var view = _context.Render<MarkdownView>(p => p.Add(c => c.Text, notes));

        Assert.Empty(view.FindAll("script, img[onerror], div[onclick], [onclick], iframe"));
        foreach (var element in view.FindAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            foreach (var attribute in new[] { "href", "src" })
            {
                var url = new string([.. (element.GetAttribute(attribute) ?? "").Where(c => !char.IsWhiteSpace(c))]);
                Assert.False(url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase), $"{attribute}={url}");
            }
        }
    }

    [Fact]
    public void Raw_html_shows_as_text()
    {
        var view = _context.Render<MarkdownView>(p => p.Add(c => c.Text, "<script>alert('x')</script>"));

        Assert.Contains("<script>alert('x')</script>", view.Find(".markdown-body").TextContent, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", view.Markup, StringComparison.Ordinal);
    }

    public void Dispose() => _context.Dispose();
}
