using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Initiatives.Pages;

/// <summary>Lessons learned: the hub's stopped initiatives the reader may see, with what was learned, searchable by words.</summary>
[AllowAnonymous]
public sealed class LessonsModel(HubQueries hubs, InitiativeQueries initiatives) : PageModel
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 200;

    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public HubDetail Hub { get; private set; } = null!;
    public PagedList<InitiativeHit> Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        if (Query?.Length > MaxQueryLength || PageNumber is < 1 or > 10_000) return BadRequest();
        Hub = hub;
        Result = Page(await initiatives.FindAsync(hub.Id, Query, stoppedOnly: true, ct), PageNumber ?? 1);
        return Page();
    }

    public static PagedList<InitiativeHit> Page(List<InitiativeHit> hits, int page) =>
        new(hits.Skip((page - 1) * PageSize).Take(PageSize).ToList(), page, PageSize, hits.Count);
}
