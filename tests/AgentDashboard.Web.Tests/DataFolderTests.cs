using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Data at rest: the data folder and the Data Protection keys in it are the service account's alone (0700), and a
/// configured certificate encrypts the keys, without which they open nothing.
/// </summary>
public sealed class DataFolderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "agentdashboard-data-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task A_fresh_data_folder_and_its_keys_folder_are_created_for_the_owner_only()
    {
        if (OperatingSystem.IsWindows()) return; // Unix file modes
        string dataPath = Path.Combine(root, "data");
        await using var host = await DashboardHost.StartAsync(dataPath: dataPath);
        using var http = new HttpClient();
        (await http.GetAsync(host.Address)).EnsureSuccessStatusCode();

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(dataPath));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(dataPath, "keys")));
    }

    [Fact]
    public async Task A_data_folder_others_can_read_is_named_in_a_warning_at_start()
    {
        if (OperatingSystem.IsWindows()) return; // Unix file modes
        string dataPath = Path.Combine(root, "shared");
        Directory.CreateDirectory(dataPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var logs = new CapturedLogs();

        await using var host = await DashboardHost.StartAsync(dataPath: dataPath, configure: builder => builder.Logging.AddProvider(logs));

        Assert.Contains(logs.Lines, line => line.Contains($"The folder {dataPath} can be read by other accounts", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains($"The folder {Path.Combine(dataPath, "keys")} can be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_configured_certificate_encrypts_the_keys_and_a_restart_with_it_reads_them()
    {
        string dataPath = Path.Combine(root, "data");
        string certificate = Path.Combine(root, "keys.pfx");
        Directory.CreateDirectory(root);
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=AgentDashboard keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
            File.WriteAllBytes(certificate, made.Export(X509ContentType.Pfx, "pfx-password"));
        }
        string[] withCertificate = [$"--Dashboard:KeyCertificatePath={certificate}", "--Dashboard:KeyCertificatePassword=pfx-password"];

        var first = await DashboardHost.StartAsync(withCertificate, dataPath: dataPath);
        string sealedText = first.Services<IDataProtectionProvider>().CreateProtector("test").Protect("a secret");
        await first.StopKeepingDataAsync();

        string key = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(dataPath, "keys"), "*.xml")));
        Assert.Contains("EncryptedData", key);
        Assert.DoesNotContain("unencrypted", key);

        var again = await DashboardHost.StartAsync(withCertificate, dataPath: dataPath);
        Assert.Equal("a secret", again.Services<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText));
        await again.StopKeepingDataAsync();

        // The keys folder alone, without the certificate, opens nothing.
        await using var without = await DashboardHost.StartAsync(dataPath: dataPath);
        Assert.ThrowsAny<CryptographicException>(() => without.Services<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText));
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_stops_the_start_in_words()
    {
        Directory.CreateDirectory(root);
        string missing = Path.Combine(root, "missing.pfx");
        string notACertificate = Path.Combine(root, "notes.pfx");
        File.WriteAllText(notACertificate, "not a certificate");

        Assert.Equal($"Dashboard:KeyCertificatePath \"{missing}\" does not exist.", Assert.Single(Problems($"--Dashboard:KeyCertificatePath={missing}")));
        var problems = Problems($"--Dashboard:KeyCertificatePath={notACertificate}", "--Dashboard:KeyCertificatePassword=hunter2");
        Assert.Equal($"Dashboard:KeyCertificatePath \"{notACertificate}\" is not a PKCS#12 (.pfx) certificate that opens with Dashboard:KeyCertificatePassword.", Assert.Single(problems));
        Assert.DoesNotContain(problems, p => p.Contains("hunter2", StringComparison.Ordinal));
    }

    /// <summary>No Docker engine runs here, so the image's promises are read from the file itself.</summary>
    [Fact]
    public void The_container_keeps_its_data_in_a_volume_of_its_own_user()
    {
        string dockerfile = File.ReadAllText(Path.Combine(Repository.Root, "Dockerfile"));
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Production", dockerfile);
        Assert.Contains("Dashboard__DataPath=/data", dockerfile);
        Assert.Contains("RUN mkdir -p /data && chown app:app /data && chmod 700 /data", dockerfile);
        Assert.Contains("\nVOLUME /data\n", dockerfile);
        Assert.True(dockerfile.IndexOf("VOLUME /data", StringComparison.Ordinal) < dockerfile.IndexOf("USER app", StringComparison.Ordinal));
    }

    private IReadOnlyList<string> Problems(params string[] settings)
    {
        try
        {
            DashboardWebApplication.Create(["--urls=http://127.0.0.1:0", $"--Dashboard:DataPath={Path.Combine(root, "start")}", "--Dashboard:Mode=Demo", .. settings])
                .DisposeAsync().AsTask().Wait();
            return [];
        }
        catch (OptionsValidationException error)
        {
            return [.. error.Failures];
        }
    }
}
