using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Requests.Pages;

/// <summary>"My requests": the signed-in person's requests in every hub, most recently changed first.</summary>
public sealed class MineModel(RequestQueries queries) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public PagedList<RequestSummary> Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PageNumber is < 1 or > 10_000) return BadRequest();
        Result = await queries.MineAsync(null, PageNumber ?? 1, ct);
        return Page();
    }
}
