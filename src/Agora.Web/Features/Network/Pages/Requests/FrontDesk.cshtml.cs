using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Network.Pages.Requests;

/// <summary>A hub's front desk: the requests it holds and those referred to it, by state, overdue ones flagged, by due date. Its front desk only (others: 404).</summary>
public sealed class FrontDeskModel(ServiceRequestQueries queries) : PageModel
{
    [FromQuery(Name = "state")] public ServiceRequestState? State { get; set; }
    [FromQuery(Name = "overdue")] public bool Overdue { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public HubRef Hub { get; private set; } = null!;
    public PagedList<ServiceRequestRow> List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (ListQuery.Parse(PageNumber, 20, Sort, ServiceRequestQueries.Sorts, "due") is not { } list || (State is { } s && !Enum.IsDefined(s))) return BadRequest();
        var desk = await queries.DeskAsync(slug, new ServiceRequestQueries.DeskFilter(State, Overdue, list), ct);
        if (desk is null) return NotFound();
        (Hub, List) = desk.Value;
        return Page();
    }
}
