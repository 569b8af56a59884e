using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Requests.Pages;

/// <summary>The public register of a hub's health-data applications and their decisions, when the hub publishes it.</summary>
[AllowAnonymous]
public sealed class RegisterModel(HubQueries hubs, RequestOverview overview) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public HubDetail Hub { get; private set; } = null!;
    public PagedList<RegisterEntry> Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (PageNumber is < 1 or > 10_000) return BadRequest();
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        if (await overview.RegisterAsync(slug, PageNumber ?? 1, ct) is not { } result) return NotFound();
        Hub = hub;
        Result = result;
        return Page();
    }
}
