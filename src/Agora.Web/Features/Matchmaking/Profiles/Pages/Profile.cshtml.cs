using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Matchmaking.Profiles.Pages;

/// <summary>
/// One profile with everything the reader may see (<see cref="PartneringAccess"/>): for its organisation the status,
/// the review thread, submit / renew / withdraw and the interests received with accept / decline; for a visitor the
/// interest form or their interests' state; for the hub's desk approve / request changes.
/// </summary>
[AllowAnonymous]
public sealed class ProfileModel(PartneringQueries queries, PartneringProfiles profiles, PartneringInterests interests, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public ProfileView Profile { get; private set; } = null!;
    public IReadOnlyList<InterestView> Received { get; private set; } = [];
    public IReadOnlyList<OrganisationContact> MyOrganisations { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title, string Organisation)> MyProfiles { get; private set; } = [];

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public int? SenderProfile { get; set; }
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? Note { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await queries.GetAsync(id, ct);
        if (!found.IsOk) return false;
        Profile = found.Value!;
        if (Profile.Can.AnswerInterests || Profile.Can.Edit)
            Received = (await queries.ReceivedAsync(id, ct)).Value ?? [];
        if (Profile.Can.ExpressInterest)
        {
            var mine = (await queries.MineAsync(ct)).Value;
            MyOrganisations = mine?.Organisations ?? [];
            MyProfiles = (await queries.OwnPublishedAsync(ct)).Where(p => p.Id != id).ToList();
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return this.Hidden();
        Version = Profile.Version;
        return Page();
    }

    private Task<IActionResult> AnswerAsync(int id, Result<int> result, string flash, CancellationToken ct) =>
        this.AnswerAsync(result, t[flash].Value, _ => PartneringProfiles.PathOf(id), async () => await LoadAsync(id, ct) ? Page() : this.Hidden(),
            prefix: "", errorKey: (_, field) => field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..]);

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await profiles.SubmitAsync(id, new SubmitProfileInput(Version, Reply), ct), "Matchmaking.Profiles.SubmittedFlash", ct);

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await profiles.ReviewAsync(id, new ReviewInput(ReviewDecision.Approve, Comment, Version), ct), "Matchmaking.Profiles.ReviewedFlash", ct);

    public async Task<IActionResult> OnPostRequestChangesAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await profiles.ReviewAsync(id, new ReviewInput(ReviewDecision.RequestChanges, Comment, Version), ct), "Matchmaking.Profiles.ReviewedFlash", ct);

    public async Task<IActionResult> OnPostRenewAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await profiles.RenewAsync(id, new VersionInput(Version), ct), "Matchmaking.Profiles.RenewedFlash", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await profiles.WithdrawAsync(id, new VersionInput(Version), ct), "Matchmaking.Profiles.WithdrawnFlash", ct);

    public async Task<IActionResult> OnPostInterestAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await interests.SendAsync(id, new InterestInput(Organisation, SenderProfile, Message), ct), "Matchmaking.Interests.SentFlash", ct);

    public async Task<IActionResult> OnPostAcceptAsync(int id, int interest, CancellationToken ct) =>
        await AnswerAsync(id, await interests.AcceptAsync(interest, new InterestAnswer(Note), ct), "Matchmaking.Interests.AcceptedFlash", ct);

    public async Task<IActionResult> OnPostDeclineAsync(int id, int interest, CancellationToken ct) =>
        await AnswerAsync(id, await interests.DeclineAsync(interest, new InterestAnswer(Note), ct), "Matchmaking.Interests.DeclinedFlash", ct);

    public async Task<IActionResult> OnPostWithdrawInterestAsync(int id, int interest, CancellationToken ct) =>
        await AnswerAsync(id, await interests.WithdrawAsync(interest, ct), "Matchmaking.Interests.WithdrawnFlash", ct);
}
