using AgentDashboard.Web.Exports;

namespace AgentDashboard.Web.Tests;

/// <summary>How the exports write a text field: RFC 4180 quoting, and no formula a spreadsheet would run.</summary>
public class CsvFieldTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("Jan Kowalski", "Jan Kowalski")]
    [InlineData("Kowalski, Jan", "\"Kowalski, Jan\"")]
    [InlineData("Jan \"JK\" Kowalski", "\"Jan \"\"JK\"\" Kowalski\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Commas_quotes_and_line_breaks_are_quoted(string? text, string written) =>
        Assert.Equal(written, CsvExport.Field(text));

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void A_field_a_spreadsheet_would_run_starts_with_an_apostrophe(string text, string written) =>
        Assert.Equal(written, CsvExport.Field(text));
}
