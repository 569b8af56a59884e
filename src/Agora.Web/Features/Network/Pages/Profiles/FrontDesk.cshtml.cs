using Microsoft.AspNetCore.Authorization;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network.Pages.Profiles;

public sealed class ContactForm
{
    public Guid? UserId { get; set; }
    public string? Role { get; set; }
    public List<string> Languages { get; set; } = [];
    public string? Hours { get; set; }
    public string? Visibility { get; set; } = nameof(ContactVisibility.Members);
}

/// <summary>
/// A hub's front desk: the contacts the person may see; the person's own proposal to accept or refuse, or their seat to
/// change or leave; for managers, proposing members, pending proposals and removing contacts.
/// </summary>
[AllowAnonymous]
public sealed class FrontDeskModel(FrontDesk desk, AgoraDbContext db, IStringLocalizer<SharedResource> t) : FormPage(t)
{
    public FrontDeskView Desk { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Candidates { get; private set; } = [];
    [BindProperty] public ContactForm Input { get; set; } = new();
    [BindProperty] public ContactForm Mine { get; set; } = new();

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await desk.GetAsync(slug, ct) is not { } view) return false;
        Desk = view;
        if (view.CanManage)
        {
            var hub = await db.Hubs.Where(h => h.Slug == slug).Select(h => h.Id).SingleAsync(ct);
            Candidates = await desk.CandidatesAsync(hub, ct);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        if (Desk.Mine is { } mine)
            Mine = new ContactForm { Languages = [.. mine.Languages], Hours = mine.Hours, Visibility = mine.Visibility.ToString() };
        return Page();
    }

    private string Here(string slug) => $"/hubs/{slug}/network/front-desk";

    public async Task<IActionResult> OnPostProposeAsync(string slug, CancellationToken ct) =>
        await AnswerAsync(await desk.ProposeAsync(slug, new ContactProposal(Input.UserId, Input.Role, Input.Languages, Input.Hours, Input.Visibility), ct),
            "Input", "Network.Profiles.Desk.Proposed", Here(slug), () => LoadAsync(slug, ct));

    public async Task<IActionResult> OnPostAcceptAsync(string slug, int id, CancellationToken ct) =>
        await AnswerAsync(await desk.AcceptAsync(slug, id, ct), "", "Network.Profiles.Desk.Accepted", Here(slug), () => LoadAsync(slug, ct));

    public async Task<IActionResult> OnPostRefuseAsync(string slug, int id, CancellationToken ct) =>
        await AnswerAsync(await desk.RefuseAsync(slug, id, ct), "", "Network.Profiles.Desk.Refused", Here(slug), () => LoadAsync(slug, ct));

    public async Task<IActionResult> OnPostChangeAsync(string slug, int id, CancellationToken ct) =>
        await AnswerAsync(await desk.ChangeAsync(slug, id, new ContactChange(null, Mine.Languages, Mine.Hours, Mine.Visibility), ct),
            "Mine", "Network.Profiles.Desk.Changed", Here(slug), () => LoadAsync(slug, ct));

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int id, CancellationToken ct) =>
        await AnswerAsync(await desk.RemoveAsync(slug, id, ct), "", "Network.Profiles.Desk.Removed", Here(slug), () => LoadAsync(slug, ct));

    public string? Invalid(string name) => ModelState.TryGetValue(name, out var e) && e.Errors.Count > 0 ? "true" : null;

    public string? DescribedBy(string name, string? hint = null)
    {
        var ids = new List<string>();
        if (hint is not null) ids.Add(hint);
        if (Invalid(name) is not null) ids.Add(PageSupport.FieldId(name) + "-error");
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
