using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Requests.Pages;

/// <summary>
/// A hub's requests: the kinds one may make and one's own requests there; for its managers every request (not the
/// drafts), for reviewers those assigned to them, with filters by state and kind and the overdue ones.
/// </summary>
public sealed class IndexModel(HubQueries hubs, RequestTypes types, RequestQueries queries, RequestOverview overview, Viewers viewers, CurrentUser current,
    AgoraDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public IReadOnlyList<RequestTypeView> Types { get; private set; } = [];
    public IReadOnlyList<RequestSummary> Mine { get; private set; } = [];
    public PagedList<RequestSummary>? Work { get; private set; }
    public bool IsManager { get; private set; }
    public RequestDashboard? Dashboard { get; private set; }
    public bool PublicRegister { get; private set; }

    [FromQuery(Name = "state")] public RequestState? State { get; set; }
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "overdue")] public bool Overdue { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        if (PageNumber is < 1 or > 10_000 || State == RequestState.Draft) return BadRequest();
        Hub = hub;
        Types = (await types.ForHubAsync(hub.Id, ct)).Where(t => t.Active).Select(RequestTypes.View).ToList();
        var me = current.RequiredId;
        Mine = (await queries.MineAsync(hub.Id, 1, ct)).Items;
        IsManager = (await viewers.ForHubAsync(hub.Id, ct)).IsManager;
        var reviews = IsManager || await db.RequestReviews.AnyAsync(r => r.ReviewerId == me && db.Requests.Any(x => x.Id == r.RequestId && x.HubId == hub.Id), ct);
        if (reviews)
            Work = (await queries.HubAsync(slug, new RequestQueries.HubFilter(State, Type, Overdue, PageNumber ?? 1), IsManager, ct))?.List;
        if (IsManager) Dashboard = (await overview.DashboardAsync(slug, ct)).Value;
        PublicRegister = await db.Hubs.Where(h => h.Id == hub.Id).Select(h => h.PublicRegister).SingleAsync(ct);
        return Page();
    }

    /// <summary>A manager publishes the public register of health-data applications, or takes it down.</summary>
    public async Task<IActionResult> OnPostRegisterAsync(string slug, bool published, CancellationToken ct)
    {
        var result = await overview.SetRegisterAsync(slug, published, ct);
        if (result.Outcome == Outcome.NotFound) return this.Refusal(result.Outcome);
        if (!result.IsOk) return Forbid();
        TempData["Flash"] = t[published ? "Register.Published" : "Register.Withdrawn"].Value;
        return Redirect($"/hubs/{slug}/requests");
    }
}
