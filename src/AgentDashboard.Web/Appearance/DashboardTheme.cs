using MudBlazor;

namespace AgentDashboard.Web.Appearance;

/// <summary>
/// The dashboard's MudBlazor theme, light and dark. Its palette reaches our own light components (live tiles,
/// timeline lanes, heatmap cells) as CSS variables (<c>--mud-palette-*</c>, mapped in wwwroot/app.css), so one
/// switch themes everything. No web font: the system's own, as nothing may be fetched from elsewhere.
/// </summary>
public static class DashboardTheme
{
    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#7b4fa0",
            Tertiary = "#1f6fb2",
            Info = "#1f6fb2",
            Success = "#2e7d4f",
            Warning = "#b7791f",
            Error = "#c0392b",
            Background = "#f4f6f9",
            Surface = "#ffffff",
            AppbarBackground = "#1f4e79",
            AppbarText = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1b2430",
            TextSecondary = "#5b6676",
            LinesDefault = "#d8dee6",
            TableLines = "#e3e8ee",
            GrayDefault = "#8a96a6",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8df",
            PrimaryContrastText = "#0b1520", // dark words on the light blue of a filled button (white there is 2.5:1)
            Secondary = "#c297ff",
            Tertiary = "#58a6ff",
            Info = "#58a6ff",
            Success = "#3fb950",
            Warning = "#f0b429",
            Error = "#f0685a",
            Background = "#0f141a",
            Surface = "#171d25",
            AppbarBackground = "#131a22",
            AppbarText = "#e8edf3",
            DrawerBackground = "#131a22",
            DrawerText = "#c9d3de",
            TextPrimary = "#e8edf3",
            TextSecondary = "#9aa7b6",
            LinesDefault = "#2c3542",
            TableLines = "#2c3542",
            GrayDefault = "#8b98a9",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts, FontSize = "1.75rem", FontWeight = "600", LineHeight = "1.3" },
            H2 = new H2Typography { FontFamily = SystemFonts, FontSize = "1.2rem", FontWeight = "600", LineHeight = "1.4" },
            Button = new ButtonTypography { FontFamily = SystemFonts, TextTransform = "none" },
        },
    };
}

/// <summary>What a supervisor chose for the dashboard's look: the system's light or dark, or one of them always.</summary>
public enum ThemeChoice
{
    System,
    Light,
    Dark,
}
