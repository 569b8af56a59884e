using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Organisations.Pages;

[AllowAnonymous]
public sealed class IndexModel(OrganisationQueries organisations, CurrentUser current) : PageModel
{
    public const int PageSize = 12;

    [FromQuery] public string? Search { get; set; }
    [FromQuery] public string? Type { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public OrganisationType? TypeFilter { get; private set; }
    public PagedList<OrganisationSummary> Result { get; private set; } = new([], 1, PageSize, 0);
    public bool IsSignedIn => current.IsAuthenticated;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = ListQuery.Parse(PageNumber, PageSize, Sort, OrganisationQueries.Sorts, "name");
        TypeFilter = OrganisationTypes.Parse(Type);
        if (query is null || Search?.Length > 200 || (!string.IsNullOrWhiteSpace(Type) && TypeFilter is null)) return BadRequest();
        Sort = string.IsNullOrWhiteSpace(Sort) ? "name" : Sort.Trim();
        Result = await organisations.ListAsync(query, TypeFilter, Search, ct);
        return Page();
    }
}
