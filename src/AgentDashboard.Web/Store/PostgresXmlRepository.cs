using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AgentDashboard.Web.Store;

/// <summary>
/// The Data Protection key ring in PostgreSQL, so every instance seals tokens and signs cookies with the same keys: a
/// cookie issued by one instance is read by another. Keys are only added; the framework retires them by date.
/// </summary>
public sealed class PostgresXmlRepository(PostgresDashboardDatabase database) : IXmlRepository
{
    // The framework asks synchronously: at start, and when its key ring is due a refresh (about daily, inside whichever protect or unprotect call comes then).
    public IReadOnlyCollection<XElement> GetAllElements() => GetAllAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> GetAllAsync()
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var elements = new List<XElement>();
        while (await reader.ReadAsync()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    private async Task StoreAsync(XElement element, string friendlyName)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml)";
        command.With("name", friendlyName).With("xml", element.ToString(SaveOptions.DisableFormatting));
        await command.ExecuteNonQueryAsync();
    }
}
