using System.Globalization;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network.Pages.Feed;

/// <summary>The form of a harvest source, on the list (to add) and on a source's page (to change).</summary>
public sealed class HarvestSourceForm
{
    public string? Name { get; set; }
    public string? FeedUrl { get; set; }
    public int? IntervalMinutes { get; set; } = 60;
    public bool Enabled { get; set; } = true;
    public bool AllowPrivateAddress { get; set; }

    public HarvestSourceInput ToInput() => new()
    {
        Name = Name, FeedUrl = FeedUrl, IntervalMinutes = IntervalMinutes, Enabled = Enabled, AllowPrivateAddress = AllowPrivateAddress,
    };

    public static HarvestSourceForm From(HarvestSourceView s) => new()
    {
        Name = s.Name, FeedUrl = s.FeedUrl, IntervalMinutes = s.IntervalMinutes, Enabled = s.Enabled, AllowPrivateAddress = s.AllowPrivateAddress,
    };
}

/// <summary>/admin/harvest-sources: the sources with the state of their last harvest, and adding one.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class SourcesModel(HarvestSources sources, CatalogueFeed feed, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public HarvestSourceForm Input { get; set; } = new();
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public PagedList<HarvestSourceView> Sources { get; private set; } = new([], 1, 50, 0);
    public string OwnFeed => feed.BaseUrl + FeedEndpoints.JsonPath;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : BadRequest();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await sources.AddAsync(Input.ToInput(), ct);
        return await this.AnswerAsync(result, t["Network.Feed.Added"].Value, id => $"/admin/harvest-sources/{id}",
            async () => await LoadAsync(ct) ? Page() : BadRequest());
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (PageNumber is < 1 or > 100_000) return false;
        var list = await sources.ListAsync(PageNumber ?? 1, 50, ct);
        if (!list.IsOk) return false;
        Sources = list.Value!;
        return true;
    }
}

/// <summary>/admin/harvest-sources/{id}: one source, its last harvest and error, changing, harvesting now, removing.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class SourceModel(HarvestSources sources, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public HarvestSourceForm Input { get; set; } = new();
    public HarvestSourceView? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = HarvestSourceForm.From(Source!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await sources.UpdateAsync(id, Input.ToInput(), ct);
        return await this.AnswerAsync(result, t["Network.Feed.Saved"].Value, _ => $"/admin/harvest-sources/{id}",
            async () => await LoadAsync(id, ct) ? Page() : NotFound());
    }

    public async Task<IActionResult> OnPostHarvestAsync(int id, CancellationToken ct)
    {
        var result = await sources.HarvestNowAsync(id, ct);
        if (result.Outcome is Outcome.NotFound or Outcome.Forbidden) return this.Refusal(result.Outcome);
        if (result.IsOk)
        {
            var after = await sources.GetAsync(id, ct);
            TempData["Flash"] = t[after.Value?.LastErrorCode is null ? "Network.Feed.Harvested" : "Network.Feed.HarvestFailed"].Value;
        }
        else
        {
            TempData["Flash"] = t["Network.Feed.HarvestRunning"].Value;
        }
        return Redirect($"/admin/harvest-sources/{id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var result = await sources.RemoveAsync(id, ct);
        return await this.AnswerAsync(result, t["Network.Feed.Removed"].Value, _ => "/admin/harvest-sources",
            async () => await LoadAsync(id, ct) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await sources.GetAsync(id, ct);
        Source = found.Value;
        return found.IsOk;
    }
}

/// <summary>/network/harvested/{id}: a service harvested from another installation, with its origin and a link back.</summary>
[AllowAnonymous]
public sealed class HarvestedModel(HarvestedCatalogue catalogue) : PageModel
{
    public HarvestedServiceDetail? Service { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Service = await catalogue.GetAsync(id, CultureInfo.CurrentUICulture.Name, ct);
        return Service is null ? NotFound() : Page();
    }
}
