namespace AgentDashboard.Core.Tests;

public sealed class StatusCatalogueTests
{
    [Fact]
    public void The_documented_statuses_come_in_the_order_the_pages_list_them()
    {
        Assert.Equal(["Available", "On Call", "Busy", "On Break", "Offline"], StatusCatalogue.Known);
        Assert.Equal(["Available", "On Call", "Busy", "On Break", "Offline"], StatusCatalogue.Documented.Select(s => s.Name));
    }

    [Fact]
    public void Custom_statuses_stand_after_the_documented_ones_and_no_status_last()
    {
        Assert.Equal(0, StatusCatalogue.Order("Available"));
        Assert.Equal(1, StatusCatalogue.Order("On Call"));
        Assert.Equal(2, StatusCatalogue.Order("Busy"));
        Assert.Equal(3, StatusCatalogue.Order("On Break"));
        Assert.Equal(4, StatusCatalogue.Order("Offline"));
        Assert.Equal(5, StatusCatalogue.Order("Training"));
        Assert.Equal(5, StatusCatalogue.Order("Lunch"));
        Assert.Equal(6, StatusCatalogue.Order(null));
    }

    [Fact]
    public void Names_are_matched_exactly()
    {
        Assert.Equal(5, StatusCatalogue.Order("available"));
        Assert.False(StatusCatalogue.Of("available").IsDocumented);
    }

    [Fact]
    public void Every_status_but_Offline_counts_as_working()
    {
        Assert.True(StatusCatalogue.IsWorking("Available"));
        Assert.True(StatusCatalogue.IsWorking("On Call"));
        Assert.True(StatusCatalogue.IsWorking("Busy"));
        Assert.True(StatusCatalogue.IsWorking("On Break"));
        Assert.False(StatusCatalogue.IsWorking("Offline"));
        Assert.True(StatusCatalogue.IsWorking("Training"));
        Assert.Equal([true, true, true, true, false], StatusCatalogue.Documented.Select(s => s.IsWorking));
        Assert.True(StatusCatalogue.Of("Training").IsWorking);
    }

    [Fact]
    public void Documented_statuses_have_their_own_style_colour_and_short_name()
    {
        Assert.Equal(new StatusEntry("Available", 0, true, "available", "#3a9a5b", "Avail"), StatusCatalogue.Of("Available"));
        Assert.Equal(new StatusEntry("On Call", 1, true, "oncall", "#3b82c4", "Call"), StatusCatalogue.Of("On Call"));
        Assert.Equal(new StatusEntry("Busy", 2, true, "busy", "#9b6bc4", "Busy"), StatusCatalogue.Of("Busy"));
        Assert.Equal(new StatusEntry("On Break", 3, true, "break", "#d39a2c", "Break"), StatusCatalogue.Of("On Break"));
        Assert.Equal(new StatusEntry("Offline", 4, false, "offline", "#8a96a6", "Offline"), StatusCatalogue.Of("Offline"));
        Assert.All(StatusCatalogue.Documented, s => Assert.True(s.IsDocumented));
    }

    [Fact]
    public void A_custom_status_is_a_status_like_the_rest_in_a_neutral_look()
    {
        var training = StatusCatalogue.Of("Training");
        Assert.Equal(new StatusEntry("Training", 5, true, "other", "hsl(210, 32%, 50%)", "Training", Hue: 7), training);
        Assert.False(training.IsDocumented);
    }

    // The hues as the web layer's StatusStyle chose them before the catalogue: FNV-1a (32 bits) of the name's UTF-8
    // bytes, modulo 12. "Training" hashes to 2287937623, "Wrap Up" to 1018624810, "Café" to 3485634729, "available" to 1727918744.
    [Theory]
    [InlineData("Training", 7, "hsl(210, 32%, 50%)")]
    [InlineData("Lunch", 7, "hsl(210, 32%, 50%)")]
    [InlineData("Wrap Up", 10, "hsl(300, 32%, 50%)")]
    [InlineData("Café", 9, "hsl(270, 32%, 50%)")]
    [InlineData("available", 8, "hsl(240, 32%, 50%)")]
    public void A_custom_status_keeps_the_hue_its_name_chooses(string status, int hue, string colour)
    {
        Assert.Equal(hue, StatusCatalogue.Of(status).Hue);
        Assert.Equal(colour, StatusCatalogue.Of(status).Colour);
        Assert.Equal(StatusCatalogue.Of(status), StatusCatalogue.Of(status));
    }
}
