using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Audit.Pages;

public sealed record AuditView(PagedList<AuditRow> Result, AuditFilter Filter, bool ShowHub);

public abstract class AuditPageBase : PageModel
{
    [FromQuery] public string? Action { get; set; }
    [FromQuery] public string? Actor { get; set; }
    [FromQuery] public DateOnly? From { get; set; }
    [FromQuery] public DateOnly? To { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public AuditView? View { get; protected set; }

    protected AuditFilter? Filter() =>
        !AuditQueries.IsKnownAction(Action) || Actor?.Length > 256 || PageNumber is < 1 or > 100_000 ? null : new AuditFilter(Action, Actor, From, To);
}

[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class AllModel(AuditQueries audit) : AuditPageBase
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Filter() is not { } filter || !ModelState.IsValid) return BadRequest();
        View = new AuditView(await audit.ListAsync(null, filter, PageNumber ?? 1, 50, ct), filter, true);
        return Page();
    }
}

public sealed class HubModel(AuditQueries audit, HubQueries hubs, IAuthorizationService authz) : AuditPageBase
{
    public string Slug { get; private set; } = "";
    public string HubName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var hub = await hubs.GetAsync(slug, ct);
        if (hub is null || !(await authz.AuthorizeAsync(User, new HubResource(hub.Id), HubOperations.ViewAudit)).Succeeded)
            return NotFound();
        if (Filter() is not { } filter || !ModelState.IsValid) return BadRequest();
        Slug = hub.Slug;
        HubName = hub.Name;
        View = new AuditView(await audit.ListAsync(hub.Id, filter, PageNumber ?? 1, 50, ct), filter, false);
        return Page();
    }
}
