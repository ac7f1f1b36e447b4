using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AgentDashboard.Web.Configuration;
using AgentDashboard.Web.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Security;

/// <summary>
/// The Data Protection keys, which seal every stored Zoho token and sign every cookie. They live in
/// <c>&lt;DataPath&gt;/keys</c> (or, with the PostgreSQL store, in its database, shared by every instance) so a
/// restart keeps everyone signed in. The data folder and the keys folder are
/// created readable by the service account only (0700 on Unix); with <c>Dashboard:KeyCertificatePath</c> the keys
/// are also encrypted with that certificate, so a copy of the folder alone opens nothing.
/// </summary>
internal static class KeyProtection
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void AddKeyProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var dashboard = DashboardOptions.From(configuration);
        var protection = services.AddDataProtection().SetApplicationName("AgentDashboard");
        if (dashboard.Store == StoreKind.Postgres)
        {
            // One key ring for every instance, in the shared database.
            services.AddOptions<KeyManagementOptions>().Configure<PostgresDashboardDatabase>((keys, database) => keys.XmlRepository = new PostgresXmlRepository(database));
            if (string.IsNullOrWhiteSpace(dashboard.KeyCertificatePath)) services.AddHostedService<KeysBesideTokensWarning>();
        }
        else
        {
            string dataPath = dashboard.ResolveDataPath();
            var keys = CreateOwnerOnly(Path.Combine(dataPath, "keys"), dataPath);
            services.AddHostedService(sp => new KeyFolderCheck(dataPath, keys.FullName, sp.GetRequiredService<ILogger<KeyFolderCheck>>()));
            protection.PersistKeysToFileSystem(keys);
        }
        if (!string.IsNullOrWhiteSpace(dashboard.KeyCertificatePath))
        {
            var certificate = LoadCertificate(dashboard.KeyCertificatePath, dashboard.KeyCertificatePassword);
            // Encrypt new keys with it, and read keys with it without looking in a certificate store (Linux has none to look in).
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    /// <summary>Creates the folders that do not exist yet, owner-only; folders that exist are left as the operator made them.</summary>
    private static DirectoryInfo CreateOwnerOnly(string keysPath, string dataPath)
    {
        foreach (string path in new[] { dataPath, keysPath })
        {
            if (Directory.Exists(path)) continue;
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
            else Directory.CreateDirectory(path, OwnerOnly);
        }
        return new DirectoryInfo(keysPath);
    }

    /// <summary>A file that cannot be read as a certificate with a private key stops the start, in words (never the password).</summary>
    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        const string Key = DashboardOptions.SectionName + ":KeyCertificatePath";
        string? problem;
        try
        {
            if (!File.Exists(path)) throw new FileNotFoundException();
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            if (certificate.HasPrivateKey) return certificate;
            certificate.Dispose();
            problem = "holds no private key, so it could not read the keys it encrypts";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = "does not exist";
        }
        catch (UnauthorizedAccessException)
        {
            problem = "cannot be read by this account";
        }
        catch (CryptographicException)
        {
            problem = $"is not a PKCS#12 (.pfx) certificate that opens with {DashboardOptions.SectionName}:KeyCertificatePassword";
        }
        catch (IOException e)
        {
            problem = "cannot be read (" + e.GetType().Name + ")";
        }
        throw new OptionsValidationException(Key, typeof(DashboardOptions), [$"{Key} \"{path}\" {problem}."]);
    }
}

/// <summary>Says at start, as a warning, when another account could read the keys: a folder the operator made keeps its mode.</summary>
internal sealed class KeyFolderCheck(string dataPath, string keysPath, ILogger<KeyFolderCheck> logger) : IHostedService
{
    private const UnixFileMode OthersMayRead = UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows()) return Task.CompletedTask;
        foreach (string path in new[] { dataPath, keysPath })
        {
            if (Directory.Exists(path) && (File.GetUnixFileMode(path) & OthersMayRead) != 0)
            {
                logger.LogWarning("The folder {Path} can be read by other accounts than the dashboard's; it holds the keys that open every stored Zoho token. Make it the service account's alone (chmod 700).", path);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Says at start, as a warning, that the keys sit in the same database as the tokens they open, unencrypted.</summary>
internal sealed class KeysBesideTokensWarning(ILogger<KeysBesideTokensWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("The Data Protection keys are kept in PostgreSQL beside the sealed Zoho tokens they open: set Dashboard:KeyCertificatePath so that a copy of the database alone opens no token.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
