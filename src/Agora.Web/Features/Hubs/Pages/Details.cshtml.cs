using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hubs.Pages;

[AllowAnonymous]
public sealed class DetailsModel(HubQueries hubs, Membership membership, CurrentUser current,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail? Hub { get; private set; }
    public HubRoles MyRoles { get; private set; }
    public bool HasPendingRequest { get; private set; }
    public bool CanManage { get; private set; }
    /// <summary>Facilitators and managers work the moderation queue.</summary>
    public bool CanModerate { get; private set; }

    [BindProperty] public JoinForm Input { get; set; } = new();

    public sealed class JoinForm
    {
        public string? Message { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostJoinAsync(string slug, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        var result = await membership.JoinAsync(slug, Input.Message, ct);
        return await this.AnswerAsync(result, result.IsOk ? (result.Value == JoinOutcome.Joined ? t["Hubs.Joined"] : t["Hubs.Requested"]).Value : null,
            _ => Url.Page(null, new { slug })!, ShowAgain(slug, ct));
    }

    public async Task<IActionResult> OnPostLeaveAsync(string slug, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        var result = await membership.RemoveAsync(slug, current.RequiredId, ct);
        return await this.AnswerAsync(result, t["Hubs.Left"].Value, _ => Url.Page(null, new { slug })!, ShowAgain(slug, ct));
    }

    /// <summary>The page again after an error; 404 when the hub is gone.</summary>
    private Func<Task<IActionResult>> ShowAgain(string slug, CancellationToken ct) => async () => await LoadAsync(slug, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        Hub = await hubs.GetAsync(slug, ct);
        if (Hub is null) return false;
        if (current.IsAuthenticated)
        {
            MyRoles = await current.RolesInAsync(Hub.Id, ct);
            HasPendingRequest = MyRoles == HubRoles.None && await hubs.PendingStatusAsync(Hub.Id, current.RequiredId, ct) is not null;
            CanManage = await current.IsHubManagerAsync(Hub.Id, ct);
            CanModerate = CanManage || MyRoles.HasFlag(HubRoles.Facilitator);
        }
        return true;
    }
}
