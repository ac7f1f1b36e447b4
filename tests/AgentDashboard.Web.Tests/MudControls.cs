using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>Driving MudBlazor's controls as a person does: they are not native form fields.</summary>
internal static class MudControls
{
    /// <summary>Opens the select (or menu) and clicks the option whose text is exactly <paramref name="option"/>.</summary>
    public static async Task ChooseAsync(this IPage page, string select, string option)
    {
        await page.Locator(select).First.ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item, .mud-popover-open .mud-menu-item")
            .Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(option) + "\\s*$") });
        await item.First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    /// <summary>The input inside a MudBlazor field marked with <paramref name="marker"/> (or the marked input itself).</summary>
    public static ILocator Field(this IPage page, string marker) => page.Locator($"input{marker}, {marker} input").First;
}
