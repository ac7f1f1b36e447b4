namespace AgentDashboard.Web.Tests;

/// <summary>The store's settings are checked at start and named in words; a connection string is never echoed.</summary>
public sealed class StoreSettingsTests
{
    [Fact]
    public void PostgreSQL_without_a_connection_string_names_the_setting_it_needs()
    {
        var problem = Assert.Single(Distinct("--Dashboard:Mode=Demo", "--Dashboard:Store=Postgres"));
        Assert.Contains("ConnectionStrings:Dashboard", problem);
        Assert.Contains("Dashboard:Store is Postgres", problem);
    }

    [Fact]
    public void A_misspelt_store_is_named_as_not_one_of_the_two()
    {
        var problem = Assert.Single(Distinct("--Dashboard:Mode=Demo", "--Dashboard:Store=Postgress"));
        Assert.Contains("Dashboard:Store", problem);
        Assert.Contains("\"Postgress\"", problem);
        Assert.Contains("not one of Sqlite, Postgres", problem);
    }

    [Theory]
    [InlineData("this is not one s3cret-value")]
    [InlineData("Password=s3cret-value;Hots=x")]
    [InlineData("Username=x;Password=s3cret-value;Database=y")]
    public void A_connection_string_that_does_not_read_as_one_is_refused_without_echoing_it(string connectionString)
    {
        var problem = Assert.Single(Distinct("--Dashboard:Mode=Demo", "--Dashboard:Store=Postgres", $"--ConnectionStrings:Dashboard={connectionString}"));
        Assert.Contains("ConnectionStrings:Dashboard", problem);
        Assert.DoesNotContain("s3cret-value", problem);
    }

    private static IReadOnlyList<string> Distinct(params string[] settings) => [.. SettingsTests.Problems(settings).Distinct()];

    [Fact]
    public void Sqlite_needs_no_connection_string()
    {
        Assert.Empty(SettingsTests.Problems("--Dashboard:Mode=Demo", "--Dashboard:Store=Sqlite"));
    }
}
