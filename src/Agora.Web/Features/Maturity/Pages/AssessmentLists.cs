using Agora.Web.Features.Network;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Maturity.Pages;

/// <summary>The start form of the list pages: the other party (a hub, or a customer organisation) and the wave.</summary>
public sealed class StartForm
{
    public string? Party { get; set; }
    public AssessmentWave? Wave { get; set; }
}

/// <summary>An organisation's assessments with every hub, and starting one with a hub of the network: its members (others: 404).</summary>
public sealed class OrganisationAssessmentsModel(MaturityQueries q, MaturityAssessments w, AgoraDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public StartForm Input { get; set; } = new();
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<AssessmentRow> Rows { get; private set; } = [];
    /// <summary>The hubs of the network one may start with (slug, name).</summary>
    public List<NamedRef> Parties { get; private set; } = [];

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var rows = await q.ForOrganisationAsync(slug, ct);
        if (!rows.IsOk) return false;
        Slug = slug;
        Rows = rows.Value!;
        Name = await db.Organisations.Where(o => o.Slug == slug).Select(o => o.Name).SingleAsync(ct);
        Parties = await q.NetworkHubsAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : this.Hidden();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var started = await w.StartAsync(new StartInput(slug, Input.Party, null, Input.Wave), ct);
        return await this.AnswerAsync(started, t["Maturity.Started"].Value, id => $"{MaturityAssessments.PathOf(id)}/dimensions/1",
            async () => await LoadAsync(slug, ct) ? Page() : this.Hidden(), errorKey: (prefix, field) => field == "hub" ? "Input.Party" : PageSupport.ErrorKey(prefix, field));
    }
}

/// <summary>A hub's assessments of its customers, and starting one for a customer with a request at the hub: its front desk (others: 404).</summary>
public sealed class HubAssessmentsModel(MaturityQueries q, MaturityAssessments w, MaturityAccess access, AgoraDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public StartForm Input { get; set; } = new();
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public bool CanExport { get; private set; }
    public List<AssessmentRow> Rows { get; private set; } = [];
    /// <summary>The hub's customers (organisations that asked it for a service).</summary>
    public List<NamedRef> Parties { get; private set; } = [];

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var rows = await q.ForHubAsync(slug, ct);
        if (!rows.IsOk) return false;
        Slug = slug;
        Rows = rows.Value!;
        var hub = await db.Hubs.Where(h => h.Slug == slug).Select(h => new { h.Id, h.Name }).SingleAsync(ct);
        Name = hub.Name;
        CanExport = await access.MayExportHubAsync(hub.Id, ct);
        Parties = await q.CustomersOfHubAsync(hub.Id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : this.Hidden();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var started = await w.StartAsync(new StartInput(Input.Party, slug, null, Input.Wave), ct);
        return await this.AnswerAsync(started, t["Maturity.Started"].Value, id => $"{MaturityAssessments.PathOf(id)}/dimensions/1",
            async () => await LoadAsync(slug, ct) ? Page() : this.Hidden(), errorKey: (prefix, field) => field == "organisation" ? "Input.Party" : PageSupport.ErrorKey(prefix, field));
    }
}
