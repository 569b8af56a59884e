using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Network.Pages.Requests;

/// <summary>The service requests of the person's customer organisations, newest first.</summary>
public sealed class IndexModel(ServiceRequestQueries queries) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public PagedList<ServiceRequestRow> List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PageNumber is < 1 or > 10_000) return BadRequest();
        List = await queries.MineAsync(PageNumber ?? 1, ct);
        return Page();
    }
}
