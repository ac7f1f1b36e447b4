using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// One Chromium per test class, driven by Playwright. It is Debian's Chromium (/usr/bin/chromium, or
/// CHROMIUM_PATH), never a downloaded browser: test.sh installs it when it is missing.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Chromium { get; private set; } = null!;

    // Without the networking switches Chromium keeps trying hosts this machine cannot reach.
    private static readonly string[] Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

    public async Task InitializeAsync()
    {
        string executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not at {executable}. Run ./test.sh, which installs Debian's chromium package.");
        }
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Args,
        });
    }

    /// <summary>Another Chromium like <see cref="Chromium"/> with more switches (a kiosk's autoplay policy); the caller disposes it.</summary>
    public Task<IBrowser> LaunchAsync(params string[] moreArgs) => playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Headless = true,
        Args = [.. Args, .. moreArgs],
    });

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }
        playwright?.Dispose();
    }

    /// <summary>Waits until the page's scripts (BrowserScript's modules: tips, ticking times, the wall's fit) have started.</summary>
    public static async Task ScriptsReadyAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(".browser-script[data-ready]")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".browser-script:not([data-ready])")).ToHaveCountAsync(0);
    }

    /// <summary>Saves a screenshot under TestResults/screenshots when SCREENSHOTS=1, for a person to look at.</summary>
    public static async Task MaybeScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SCREENSHOTS") != "1")
        {
            return;
        }
        string folder = Path.Combine(Repository.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
