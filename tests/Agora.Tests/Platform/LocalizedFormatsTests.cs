using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Platform;

/// <summary>Dates are written the way each language's readers write them; English is European (day first), not US.</summary>
[Collection(AppsCollection.Name)]
public sealed class LocalizedFormatsTests(AgoraApps apps)
{
    [Theory]
    [InlineData("en", "dd/MM/yyyy")]
    [InlineData("pt-PT", "dd/MM/yyyy")]
    [InlineData("nb-NO", "dd.MM.yyyy")]
    public async Task AccountPage_JoinedDate_InTheLanguagesFormat(string culture, string format)
    {
        var app = await apps.GetAsync("Sqlite");
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        await member.PostWithTokenAsync("/", "/culture", [new("culture", culture), new("returnUrl", "/")]);
        try
        {
            await AssertJoinedDateAsync(member, format);
        }
        finally
        {
            // The switcher saves the choice in the (shared) demo profile; put English back for other tests.
            await member.PostWithTokenAsync("/", "/culture", [new("culture", "en"), new("returnUrl", "/")]);
        }
    }

    [Theory]
    [InlineData("en", 1, "1 vote")]
    [InlineData("en", 2, "2 votes")]
    [InlineData("en", 0, "0 votes")]
    [InlineData("pt-PT", 1, "1 voto")]
    [InlineData("pt-PT", 3, "3 votos")]
    [InlineData("nb-NO", 1, "1 stemme")]
    [InlineData("nb-NO", 5, "5 stemmer")]
    public async Task Counts_OneHasItsOwnForm(string culture, int count, string expected)
    {
        var app = await apps.GetAsync("Sqlite");
        var t = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Agora.Web.SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, t["Ideas.VoteCount", count].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static async Task AssertJoinedDateAsync(PageClient member, string format)
    {
        var memberships = await member.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/memberships");
        var joined = memberships.EnumerateArray().Single(m => m.GetProperty("hubSlug").GetString() == DemoAccounts.HelseplattformenHub)
            .GetProperty("joinedAt").GetDateTimeOffset().ToLocalTime();
        var (_, doc) = await member.GetAsync("/account");
        var row = doc.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/hubs/{DemoAccounts.HelseplattformenHub}']") is not null);
        Assert.Equal(joined.ToString(format, CultureInfo.InvariantCulture), row.QuerySelectorAll("td").Last().TextContent.Trim());
    }
}
