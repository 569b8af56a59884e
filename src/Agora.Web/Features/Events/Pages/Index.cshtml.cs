using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Events.Pages;

/// <summary>A hub's events the reader may see, filtered by format, dates and state, a page at a time.</summary>
[AllowAnonymous]
public sealed class IndexModel(EventQueries queries) : PageModel
{
    public EventList List { get; private set; } = null!;
    [FromQuery(Name = "format")] public EventFormat? Format { get; set; }
    [FromQuery(Name = "when")] public string? When { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (PageNumber is < 1 or > 10_000) return BadRequest();
        if (When is { Length: > 0 } && !EventFilter.WhenChoices.Contains(When)) When = null;
        if (await queries.ListAsync(slug, new EventFilter(Format, From, To, When is { Length: > 0 } ? When : null, PageNumber ?? 1), ct) is not { } list) return NotFound();
        List = list;
        return Page();
    }
}
