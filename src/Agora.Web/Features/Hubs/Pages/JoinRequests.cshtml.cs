using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hubs.Pages;

public sealed class JoinRequestsModel(HubQueries hubs, Membership membership, CurrentUser current, IStringLocalizer<SharedResource> t) : PageModel
{
    public string Slug { get; private set; } = "";
    public string HubName { get; private set; } = "";
    public IReadOnlyList<JoinRequestRow> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct);

    public Task<IActionResult> OnPostApproveAsync(string slug, Guid id, CancellationToken ct) => DecideAsync(slug, id, true, ct);

    public Task<IActionResult> OnPostDeclineAsync(string slug, Guid id, CancellationToken ct) => DecideAsync(slug, id, false, ct);

    private async Task<IActionResult> DecideAsync(string slug, Guid id, bool approve, CancellationToken ct)
    {
        var hubId = await hubs.FindIdAsync(slug, ct);
        var request = hubId is null ? null : (await hubs.PendingRequestsAsync(hubId.Value, ct)).FirstOrDefault(r => r.Id == id);
        var result = await membership.DecideAsync(slug, id, approve, ct);
        return await this.AnswerAsync(result, t[approve ? "Hubs.Approved" : "Hubs.Declined", request?.DisplayName ?? ""].Value,
            _ => Url.Page(null, new { slug })!, () => LoadAsync(slug, ct));
    }

    private async Task<IActionResult> LoadAsync(string slug, CancellationToken ct)
    {
        var hub = await hubs.GetAsync(slug, ct);
        if (hub is null || !await current.IsHubManagerAsync(hub.Id, ct)) return NotFound();
        Slug = hub.Slug;
        HubName = hub.Name;
        Requests = await hubs.PendingRequestsAsync(hub.Id, ct);
        return Page();
    }
}
