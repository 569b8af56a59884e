using System.Text.Json;
using System.Text.Json.Serialization;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Ideas;

/// <summary>Runs one personal-data source the way the erasure and export do, for the content areas' tests.</summary>
public static class PersonalDataFixtures
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A fresh person with a name nobody else has, so a page without it proves the person is gone from it.</summary>
    public static Task<TestPerson> RegisterAsync(AgoraFactory app)
    {
        var letters = new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());
        return TestPeople.RegisterAsync(app, "Erna Q" + letters);
    }

    public static IPersonalData Source(IServiceProvider services, string section) =>
        services.GetServices<IPersonalData>().Single(s => s.Section == section);

    /// <summary>The source's export as the JSON the person downloads.</summary>
    public static async Task<string> ExportAsync(AgoraFactory app, string section, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return JsonSerializer.Serialize(await Source(scope.ServiceProvider, section).ExportAsync(userId, default), Json);
    }

    /// <summary>
    /// Erases with the source twice (the second run must change nothing), saving after each as the orchestrator does,
    /// and leaves the account an empty tombstone as the accounts source would.
    /// </summary>
    public static async Task EraseTwiceAsync(AgoraFactory app, string section, TestPerson person, bool deleteContributions)
    {
        var userId = await UserIdAsync(app, person.Email);
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            await Source(scope.ServiceProvider, section).EraseAsync(new Erasure(userId, person.Email, "erased-test", deleteContributions, DateTimeOffset.UtcNow), default);
            await db.SaveChangesAsync();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, ""));
        }
    }

    /// <summary>Asserts the page answers 200 and shows neither the person's name nor their email.</summary>
    public static async Task AssertNotNamedAsync(PageClient client, string url, TestPerson person)
    {
        var response = await client.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        Assert.DoesNotContain(person.Name, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(person.Email, text, StringComparison.OrdinalIgnoreCase);
    }
}
