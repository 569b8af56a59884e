using Agora.Web.Features.Organisations;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Agora.Browser.Tests;

/// <summary>
/// Every Razor Page of the app, found from the running server's endpoints, visited by an anonymous
/// person, a member and a hub manager: no axe violations, one h1, a main landmark and a skip link
/// as the first focusable element. Every route is loaded and must not fail on the server; each page template
/// (per answer status) is checked once per visitor, so a redirect to sign-in or an error page is checked the first time.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    public enum Visitor { Anonymous, Member, Manager }

    /// <summary>
    /// Values for route parameters. A page whose route has a parameter not listed here fails the
    /// scan, so a new page cannot escape it: add its parameter here.
    /// </summary>
    private async Task<RouteValueTable> RouteValues()
    {
        var table = new RouteValueTable()
            .Add("hubs", "slug", DemoLogins.HubSlug)
            .Add("organisations", "slug", await OrganisationSlugAsync())
            .Add("hubs", "campaign", await CampaignSlugAsync())
            .Add("hubs", "id", await IdeaIdAsync())
            .Add("hubs", "initiative", await InitiativeIdAsync())
            .Add("hubs", "request", await RequestIdAsync())
            .Add("hubs", "eventId", await EventIdAsync())
            .Add("hubs", "challengeId", await HackathonIdAsync(team: false))
            .Add("hubs", "teamId", await HackathonIdAsync(team: true))
            .Add("hubs", "call", (await CallIdsAsync()).Call)
            .Add("hubs", "application", (await CallIdsAsync()).Application)
            .Add("hubs", "key", "equipment-loan") // the demo hub's own kind of request (DemoRequests)
            .Add("hubs", "pair", await MentoringPairIdAsync())
            .Add("hubs", "target", "Idea")
            .Add("hubs", "jobId", Guid.Empty.ToString())
            .Add("error", "code", "404")
            .Add("*", "token", "invalid-token")
            .Add("dev", "id", await MailIdAsync())
            // A published demo service (its page and versions scanned with content) for /network/services/{id}; no
            // harvested service in the demo: /network/harvested/{id} is scanned as a 404 (HarvestedServicePagesTests has content).
            .Add("network", "id", await PublishedServiceIdAsync())
            .Add("network/requests", "id", await NetworkRequestIdAsync())
            // The demo's T1 assessment (DemoMaturity) and its first dimension: 404 for the scanned personas, who are
            // neither the customer's members nor imIN-hub's desk (MaturityJourneyTests scans them with content).
            .Add("maturity/assessments", "id", await MaturityAssessmentIdAsync())
            .Add("maturity/assessments", "number", "1")
            // The suggestions of Nordlys Helseteknologi's published demo profile: the member (its admin) sees them with
            // content, the manager is refused (403) and the anonymous visitor is sent to sign in.
            .Add("matchmaking/suggestions", "kind", "profile")
            .Add("matchmaking/suggestions", "id", await PartneringProfileIdAsync("nordlys-helseteknologi"))
            // A published demo partnering profile (DemoPartnering): its page is public, scanned with content.
            .Add("matchmaking/profiles", "id", await PartneringProfileIdAsync())
            // The demo's matchmaking day at helseplattformen (DemoMatchmaking): the member takes part (session and agenda
            // with content), the manager organises it.
            .Add("hubs/events/matchmaking", "eventId", await MatchmakingEventIdAsync())
            .Add("admin", "id", "1"); // no harvest source in the demo: the source page's 404 is scanned
        return table;
    }

    private async Task<string> MatchmakingEventIdAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var id = await db.MatchmakingSessions.OrderBy(m => m.EventId).Select(m => (int?)m.EventId).FirstOrDefaultAsync();
        return (id ?? 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> PartneringProfileIdAsync(string? organisation = null)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var id = await db.PartneringProfiles.Where(p => p.Status == Agora.Web.Features.Matchmaking.Profiles.ProfileStatus.Published
                && (organisation == null || db.Organisations.Any(o => o.Id == p.OrganisationId && o.Slug == organisation)))
            .OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        return (id ?? 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> MaturityAssessmentIdAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var id = await db.MaturityAssessments.OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync();
        return (id ?? 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> PublishedServiceIdAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var id = await db.CatalogueServices.Where(s => s.Status == Agora.Web.Features.Network.ServiceStatus.Published)
            .OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync();
        if (id is null) output.WriteLine("No published service in the demo catalogue: /network/services/{id} is scanned as a 404.");
        return (id ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A service request the member (its customer's member) and the manager (its hub's front desk) both see: the demo's
    /// accepted request at the scanned hub, with its delivery under way (DemoNetworkRequests).
    /// </summary>
    private async Task<string> NetworkRequestIdAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var id = await db.ServiceRequests.Where(r => db.Hubs.Any(h => h.Id == r.HubId && h.Slug == DemoLogins.HubSlug)
                && r.State == Agora.Web.Features.Network.ServiceRequestState.Accepted)
            .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        if (id is null) output.WriteLine("No accepted service request at the demo hub: /network/requests/{id} is scanned as a 404.");
        return (id ?? 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> OrganisationSlugAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var slug = await db.Set<Organisation>().OrderBy(o => o.Slug).Select(o => o.Slug).FirstOrDefaultAsync();
        if (slug is null) output.WriteLine("No organisation in the demo data: /organisations/{slug} is scanned with a slug that does not exist (404).");
        return slug ?? "no-such-organisation";
    }

    /// <summary>A campaign of the scanned hub, so its pages are scanned with content.</summary>
    private async Task<string> CampaignSlugAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var slug = await db.Campaigns.Where(c => db.Hubs.Any(h => h.Id == c.HubId && h.Slug == DemoLogins.HubSlug))
            .OrderBy(c => c.Slug).Select(c => c.Slug).FirstOrDefaultAsync();
        if (slug is null) output.WriteLine("No campaign in the demo hub: campaign pages are scanned with a slug that does not exist (404).");
        return slug ?? "no-such-campaign";
    }

    /// <summary>A published idea with comments in the scanned hub (its id also stands for a comment id on comment pages).</summary>
    private async Task<string> IdeaIdAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var id = await db.Ideas.Where(i => db.Hubs.Any(h => h.Id == i.HubId && h.Slug == DemoLogins.HubSlug) && i.CommentCount > 0)
            .OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync();
        if (id is null) output.WriteLine("No idea in the demo hub: idea pages are scanned with an id that does not exist (404).");
        return (id ?? 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The demo hackathon of the scanned hub (full, with a waiting list and an agenda: DemoEvents).</summary>
    private async Task<string> EventIdAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var id = await db.Events.Where(e => db.Hubs.Any(h => h.Id == e.HubId && h.Slug == DemoLogins.HubSlug) && e.Format == Agora.Web.Features.Events.EventFormat.Hackathon)
            .OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync();
        if (id is null) output.WriteLine("No event in the demo hub: event pages are scanned with an id that does not exist (404).");
        return (id ?? 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The demo hackathon's first challenge (scored and published) and its accelerated team (DemoHackathons).</summary>
    private async Task<string> HackathonIdAsync(bool team)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var eventId = int.Parse(await EventIdAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var id = team
            ? await db.HackathonTeams.Where(t => t.EventId == eventId && t.AcceleratedAt != null).OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync()
            : await db.HackathonChallenges.Where(c => c.EventId == eventId).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        if (id is null) output.WriteLine("No hackathon in the demo event: hackathon pages are scanned with an id that does not exist (404).");
        return (id ?? 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The demo initiative of the scanned hub (public summary, made from an idea, with a team).</summary>
    private async Task<string> InitiativeIdAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var id = await db.Initiatives.Where(i => db.Hubs.Any(h => h.Id == i.HubId && h.Slug == DemoLogins.HubSlug))
            .OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync();
        if (id is null) output.WriteLine("No initiative in the demo hub: the initiative page is scanned with an id that does not exist (404).");
        return (id ?? 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The demo member's draft request in the scanned hub: its page and its form (the member is its applicant).</summary>
    /// <summary>The demo hub's call for mentors and its application (DemoCommunity).</summary>
    private async Task<(string Call, string Application)> CallIdsAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var call = await db.CommunityCalls.Where(c => db.Hubs.Any(h => h.Id == c.HubId && h.Slug == DemoLogins.HubSlug))
            .OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync() ?? 999_999;
        var application = await db.CallApplications.Where(a => a.CallId == call).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync() ?? 999_999;
        return (call.ToString(System.Globalization.CultureInfo.InvariantCulture), application.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<string> RequestIdAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var id = await db.Requests.Where(r => db.Hubs.Any(h => h.Id == r.HubId && h.Slug == DemoLogins.HubSlug) && r.State == Agora.Web.Features.Requests.RequestState.Draft)
            .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        if (id is null) output.WriteLine("No draft request in the demo hub: request pages are scanned with an id that does not exist (404).");
        return (id ?? 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The demo member's mentoring pair in the scanned hub (DemoMentoring): the member is its mentee, the manager runs the programme.</summary>
    private async Task<string> MentoringPairIdAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var id = await db.MentoringPairs.Where(p => db.Hubs.Any(h => h.Id == p.HubId && h.Slug == DemoLogins.HubSlug))
            .OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        if (id is null) output.WriteLine("No mentoring pair in the demo hub: the pair page is scanned with an id that does not exist (404).");
        return (id ?? 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The id of a message listed at /dev/mail (one is sent first if none exists).</summary>
    private async Task<string> MailIdAsync()
    {
        if (!Directory.EnumerateFiles(fixture.App.MailDirectory).Any())
        {
            await fixture.GetService<IMailer>().SendAsync(new MailMessageData(
                "accessibility@example.org", "Accessibility scan", "A message for the accessibility scan of /dev/mail/{id}."));
        }
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await PageActions.GotoAsync(page, "/dev/mail");
        var hrefs = await page.Locator("main a[href*='/dev/mail/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        var id = hrefs
            .Select(h => new Uri(new Uri(fixture.BaseUrl + "/"), h).AbsolutePath)
            .Where(p => p.StartsWith("/dev/mail/", StringComparison.Ordinal) && p.Length > "/dev/mail/".Length)
            .Select(p => Uri.UnescapeDataString(p["/dev/mail/".Length..].Split('/')[0]))
            .FirstOrDefault();
        if (id is null) output.WriteLine($"/dev/mail (status {response?.Status}) lists no message link; /dev/mail/{{id}} is scanned with a missing id.");
        return id ?? "no-such-message";
    }

    [Fact]
    public async Task Every_page_route_parameter_has_a_value_for_the_scan()
    {
        var table = await RouteValues();
        var pages = PageRoutes.All(fixture.Services);
        Assert.NotEmpty(pages);
        var problems = pages.Select(p => PageRoutes.Resolve(p, table)).Where(p => p.Problem is not null).Select(p => p.Problem!).ToList();
        foreach (var p in pages) output.WriteLine("/" + p.RawText);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>How many tabs scan at once (AGORA_SCAN_TABS overrides): each has a renderer process of its own, so
    /// while one waits for the server another runs axe.</summary>
    private static int ScanTabs =>
        int.TryParse(Environment.GetEnvironmentVariable("AGORA_SCAN_TABS"), out var n) && n > 0 ? n : 3;

    [Theory]
    [InlineData(Visitor.Anonymous)]
    [InlineData(Visitor.Member)]
    [InlineData(Visitor.Manager)]
    public async Task Every_page_is_accessible(Visitor visitor)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var table = await RouteValues();
        var pages = PageRoutes.All(fixture.Services).Select(p => PageRoutes.Resolve(p, table)).ToList();
        Assert.NotEmpty(pages);

        await using var context = await fixture.NewContextAsync();
        var first = await context.NewPageAsync();
        switch (visitor)
        {
            case Visitor.Member:
                await PageActions.SignInAsync(first, DemoLogins.Member, DemoLogins.Password);
                break;
            case Visitor.Manager:
                await PageActions.SignInAsync(first, DemoLogins.Manager, DemoLogins.Password);
                break;
        }

        // Several tabs of the same session take the next route from one queue (pages are only read here). Every route
        // is loaded and its answer checked; axe and the landmark checks run once per page template and answer status.
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        foreach (var problem in pages.Where(p => p.Url is null)) failures.Enqueue(problem.Problem!);
        var targets = new System.Collections.Concurrent.ConcurrentQueue<PageUrl>(pages.Where(p => p.Url is not null));
        var routes = targets.Count;
        var tabs = new List<IPage> { first };
        for (var i = 1; i < ScanTabs; i++) tabs.Add(await context.NewPageAsync());
        var scanned = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        await Task.WhenAll(tabs.Select(tab => ScanAllAsync(tab, targets, visitor, scanned, failures)));

        output.WriteLine($"{visitor}: {routes} routes loaded, {scanned.Count} distinct page templates scanned, {tabs.Count} tabs, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.IsEmpty,
            $"{failures.Count} accessibility problem(s) as {visitor}:{Environment.NewLine}" + string.Join(Environment.NewLine, failures));
    }

    private async Task ScanAllAsync(IPage page, System.Collections.Concurrent.ConcurrentQueue<PageUrl> targets, Visitor visitor,
        System.Collections.Concurrent.ConcurrentDictionary<string, string> scanned, System.Collections.Concurrent.ConcurrentQueue<string> failures)
    {
        while (targets.TryDequeue(out var target))
        {
            var pageFailures = await ScanAsync(page, target, visitor, scanned);
            if (pageFailures.Count == 0) continue;
            foreach (var failure in pageFailures) failures.Enqueue(failure);
            var name = visitor + "-" + string.Concat(target.Url!.Select(c => char.IsLetterOrDigit(c) ? c : '_')).Trim('_');
            await PageActions.ScreenshotAsync(page, "accessibility", name.Length > 100 ? name[..100] : name, fullPage: true);
        }
    }

    private async Task<List<string>> ScanAsync(IPage page, PageUrl target, Visitor visitor, System.Collections.Concurrent.ConcurrentDictionary<string, string> scanned)
    {
        var failures = new List<string>();
        IResponse? response;
        try
        {
            response = await PageActions.GotoAsync(page, target.Url!);
        }
        catch (PlaywrightException e)
        {
            failures.Add($"[{visitor}] {target.Template} ({target.Url}): could not be loaded: {e.Message.Split('\n')[0]}");
            return failures;
        }
        var status = response?.Status ?? 0;
        var where = $"[{visitor}] {target.Template} → {page.Url} (status {status})";
        if (status is 0 or >= 500)
        {
            failures.Add($"{where}: the server failed (or gave no answer): {await PageActions.MainTextAsync(page)}");
            return failures;
        }
        var headers = response is null ? new Dictionary<string, string>() : await response.AllHeadersAsync();
        var contentType = headers.GetValueOrDefault("content-type", "");
        if (!contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            output.WriteLine($"{where}: not HTML ({contentType}), skipped");
            return failures;
        }

        // Routes that show the same page template with this answer (the sign-in form after a redirect, the error page,
        // one page under two routes) are checked once per visitor: the test server names the page that answered.
        var template = headers.GetValueOrDefault(RenderedPageHeader.Name.ToLowerInvariant()) ?? "at " + new Uri(page.Url).AbsolutePath;
        var key = $"{status} {template}";
        if (!scanned.TryAdd(key, target.Url!))
        {
            output.WriteLine($"{where}: the same page template ({template}) as {scanned[key]}, already scanned");
            return failures;
        }

        failures.AddRange(await CheckCurrentPageAsync(page, where));
        return failures;
    }

    /// <summary>axe, one h1, one main landmark, a skip link first: the problems of the page as it is now.</summary>
    private async Task<List<string>> CheckCurrentPageAsync(IPage page, string where)
    {
        var failures = new List<string>();
        var violations = await Axe.RunAsync(page);
        foreach (var violation in violations) failures.Add($"{where}: {violation}");

        var h1 = await page.Locator("h1").CountAsync();
        if (h1 != 1) failures.Add($"{where}: {h1} h1 elements (exactly one expected)");
        var main = await page.GetByRole(AriaRole.Main).CountAsync();
        if (main != 1) failures.Add($"{where}: {main} main landmarks (exactly one expected)");

        var skip = await page.EvaluateAsync<SkipLinkCheck>(SkipLinkScript);
        if (!skip.Ok) failures.Add($"{where}: the first focusable element is not a skip link to the main content: {skip.Detail}");

        output.WriteLine($"{where}: {violations.Count} axe violation(s), h1={h1}, main={main}, skip link {(skip.Ok ? "ok" : "missing")}");
        return failures;
    }

    /// <summary>The checks themselves find problems (so a clean scan means something).</summary>
    [Fact]
    public async Task The_checks_report_a_page_with_problems()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html><head><title>Broken</title></head>
            <body><a href="/elsewhere">First link</a><div><img src="/x.png"><input type="text"></div></body></html>
            """);
        var failures = await CheckCurrentPageAsync(page, "[self-test]");
        Assert.Contains(failures, f => f.Contains("axe image-alt"));
        Assert.Contains(failures, f => f.Contains("axe label"));
        Assert.Contains(failures, f => f.Contains("0 h1 elements"));
        Assert.Contains(failures, f => f.Contains("0 main landmarks"));
        Assert.Contains(failures, f => f.Contains("not a skip link"));
    }

    public sealed class SkipLinkCheck
    {
        public bool Ok { get; set; }
        public string Detail { get; set; } = "";
    }

    /// <summary>The first element in tab order must be a link to an anchor inside (or on) the main landmark.</summary>
    private const string SkipLinkScript = """
        () => {
          const selector = 'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable="true"]';
          const focusable = Array.from(document.querySelectorAll(selector)).filter(e =>
            e.tabIndex >= 0 && !e.disabled && !(e.tagName === 'INPUT' && e.type === 'hidden') &&
            e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
          const positive = focusable.filter(e => e.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex);
          const first = positive[0] ?? focusable.find(e => e.tabIndex === 0);
          if (!first) return { ok: false, detail: 'no focusable element' };
          const html = first.outerHTML.slice(0, 160);
          const href = first.getAttribute('href') ?? '';
          if (first.tagName !== 'A' || !href.startsWith('#') || href.length < 2) return { ok: false, detail: html };
          const target = document.getElementById(decodeURIComponent(href.slice(1)));
          const main = document.querySelector('main, [role="main"]');
          if (!target) return { ok: false, detail: html + ' points to no element' };
          if (!main || !(target === main || main.contains(target))) return { ok: false, detail: html + ' does not point into the main landmark' };
          return { ok: true, detail: html };
        }
        """;
}
