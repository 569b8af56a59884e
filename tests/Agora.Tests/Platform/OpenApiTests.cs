using System.Diagnostics;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Tests.Infrastructure.ApiClient;
using ApiScopes = Agora.Web.Platform.Auth.ApiScopes;
using Agora.Web.Platform.Demo;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Agora.Tests.Platform;

/// <summary>
/// The OpenAPI document is a contract a client can be generated from (issue 14, part 6): every operation named,
/// its token requirement and its problem answers declared, clean under Redocly's recommended rules, and the
/// committed NSwag client (Infrastructure/ApiClient) generated from it calls the API.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class OpenApiTests(AgoraApps apps)
{
    private const string ClientFile = "tests/Agora.Tests/Infrastructure/ApiClient/AgoraApiClient.cs";
    private const string LintFolder = "tests/tools/openapi-lint";

    /// <summary>Set AGORA_WRITE_API_CLIENT=1 to rewrite the committed client from the live document (then run the tests again).</summary>
    private const string WriteClientVariable = "AGORA_WRITE_API_CLIENT";

    private async Task<string> DocumentAsync()
    {
        var app = await apps.GetAsync("Sqlite");
        return await app.NewClient().GetStringAsync("/openapi/v1.json");
    }

    [Fact]
    public async Task Document_EveryOperation_NamedWithTokenRequirementAndProblemAnswers()
    {
        using var doc = JsonDocument.Parse(await DocumentAsync());
        var failures = new List<string>();
        var ids = new HashSet<string>();
        var operations = 0;
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                operations++;
                var name = $"{op.Name.ToUpperInvariant()} {path.Name}";
                if (!op.Value.TryGetProperty("operationId", out var id)) failures.Add(name + ": no operationId");
                else if (!ids.Add(id.GetString()!)) failures.Add(name + ": operationId used twice");
                if (!op.Value.TryGetProperty("security", out var security) || security.GetArrayLength() == 0)
                    failures.Add(name + ": no security requirement");
                var responses = op.Value.GetProperty("responses").EnumerateObject().ToList();
                if (!responses.Any(r => r.Name.StartsWith('4'))) failures.Add(name + ": no 4xx answer");
                foreach (var r in responses.Where(r => r.Name.StartsWith('4')))
                    if (!r.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                        failures.Add($"{name}: {r.Name} is not problem details");
                var parameters = op.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => p.GetProperty("in").GetString() + ":" + p.GetProperty("name").GetString()).ToList() : [];
                if (parameters.Count != parameters.Distinct(StringComparer.OrdinalIgnoreCase).Count()) failures.Add(name + ": duplicate parameters");
            }
        }
        Assert.True(operations > 150, $"only {operations} operations");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Document_SignedInOnlyOperation_RequiresTokenWithItsScope_PublicOneMakesItOptional()
    {
        using var doc = JsonDocument.Parse(await DocumentAsync());
        var paths = doc.RootElement.GetProperty("paths");
        var me = paths.GetProperty("/api/v1/me").GetProperty("get").GetProperty("security");
        Assert.Equal(1, me.GetArrayLength());
        Assert.Equal(ApiScopes.ProfileRead, me[0].GetProperty("token")[0].GetString());
        Assert.True(paths.GetProperty("/api/v1/me").GetProperty("get").GetProperty("responses").TryGetProperty("401", out _));
        var hubs = paths.GetProperty("/api/v1/hubs").GetProperty("get").GetProperty("security");
        Assert.Equal(2, hubs.GetArrayLength());
        Assert.Empty(hubs[0].EnumerateObject());
        Assert.Equal(ApiScopes.HubsRead, hubs[1].GetProperty("token")[0].GetString());
    }

    [Fact]
    public async Task Document_Linted_NoErrorsNoWarnings()
    {
        var root = RepositoryRoot();
        var lint = Path.Combine(root, LintFolder);
        var cli = Path.Combine(lint, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(cli), $"The OpenAPI linter is not installed: run `npm ci --prefix {LintFolder}` (scripts/test.sh does it when node_modules is missing).");
        var file = Path.Combine(Path.GetTempPath(), $"agora-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await DocumentAsync());
        try
        {
            var start = new ProcessStartInfo(cli)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = lint,
            };
            foreach (var a in new[] { "lint", file, "--config", Path.Combine(lint, "redocly.yaml"), "--format", "json", "--max-problems", "1000" })
                start.ArgumentList.Add(a);
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout;
            var json = output[output.IndexOf('{')..];
            using var report = JsonDocument.Parse(json);
            var totals = report.RootElement.GetProperty("totals");
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}"
                    + (p.TryGetProperty("location", out var l) && l.GetArrayLength() > 0 && l[0].TryGetProperty("pointer", out var ptr) ? " at " + ptr.GetString() : ""))
                .ToList();
            Assert.True(totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0,
                "Redocly (recommended):\n" + string.Join("\n", problems.Take(50)) + "\n" + await stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task GeneratedClient_FromLiveDocument_EqualsCommittedClient()
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(await DocumentAsync());
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "AgoraApiClient",
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "Agora.Tests.Infrastructure.ApiClient";
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        var code = new CSharpClientGenerator(document, settings).GenerateFile().ReplaceLineEndings("\n");
        var path = Path.Combine(RepositoryRoot(), ClientFile);
        if (Environment.GetEnvironmentVariable(WriteClientVariable) == "1") await File.WriteAllTextAsync(path, code);
        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(code == committed,
            $"{ClientFile} does not match the API: run `{WriteClientVariable}=1 dotnet test tests/Agora.Tests --filter FullyQualifiedName~OpenApiTests`, then build and test again.");
    }

    [Theory, BothDatabases]
    public async Task GeneratedClient_PublicReadTokenReadAndTokenWrite_Work(string provider)
    {
        var app = await apps.GetAsync(provider);
        var hubs = await new AgoraApiClient(app.NewClient()).ListHubsAsync(1, 100, "name", null, null);
        Assert.Contains(hubs.Items, h => h.Slug == DemoAccounts.HelseplattformenHub);

        var person = await TestPeople.RegisterAsync(app, "Client Tester");
        var token = await TestTokens.CreateAsync(app, person.Email, ApiScopes.ProfileRead, ApiScopes.ProfileWrite);
        var client = new AgoraApiClient(TestTokens.Client(app, token));
        var profile = await client.GetMyProfileAsync();
        Assert.Equal(person.Email, profile.Email);

        await client.UpdateMyProfileAsync(new ProfileInput { DisplayName = "Client Tester Renamed", PreferredLanguage = "nb-NO" });
        var changed = await client.GetMyProfileAsync();
        Assert.Equal("Client Tester Renamed", changed.DisplayName);
        Assert.Equal("nb-NO", changed.PreferredLanguage);

        // The document says 401 answers problem details, so the client reads them.
        var refused = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => new AgoraApiClient(app.NewClient()).GetMyProfileAsync());
        Assert.Equal(401, refused.StatusCode);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agora.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Agora.slnx not found above " + AppContext.BaseDirectory);
    }
}
