using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Community.Pages;

public sealed class ApplyForm
{
    public string? Motivation { get; set; }
    public Dictionary<int, string?> Answers { get; set; } = [];
    public bool Consent { get; set; }
}

/// <summary>
/// A call: its terms and stages, what happens next for the reader (their status, reserve position, the deadline), the
/// application form; for its managers the steps of running it (open, reviewers, invitations, close, decided).
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(HubQueries hubs, CommunityQueries queries, CallSetup setup, CallApplications applications,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public CallDetail Call { get; private set; } = null!;
    [BindProperty] public ApplyForm Apply { get; set; } = new();
    [BindProperty] public List<Guid> Reviewers { get; set; } = [];
    [BindProperty] public string? InviteEmail { get; set; }

    private async Task<bool> LoadAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub || await queries.GetAsync(slug, id, ct) is not { } call) return false;
        Hub = hub;
        Call = call;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct)) return this.Hidden();
        Reviewers = Call.Reviewers.Select(r => r.Id).ToList();
        return Page();
    }

    private Task<IActionResult> AnswerAsync<T>(Result<T> result, string slug, [FromRoute(Name = "call")] int id, string flash, Func<string, string, string>? errorKey = null, string prefix = "") =>
        this.AnswerAsync(result, t[flash].Value, _ => $"/hubs/{slug}/calls/{id}", async () => await LoadAsync(slug, id, ct: HttpContext.RequestAborted) ? Page() : NotFound(),
            prefix, errorKey ?? ((_, _) => ""));

    private static string ApplyKey(string prefix, string field) =>
        field.StartsWith("answers.", StringComparison.Ordinal) ? $"Apply.Answers[{field["answers.".Length..]}]"
        : field.Length == 0 ? "" : PageSupport.ErrorKey("Apply", field);

    public async Task<IActionResult> OnPostApplyAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct) =>
        await AnswerAsync(await applications.ApplyAsync(slug, id, new ApplyInput(Apply.Motivation, Apply.Answers, Apply.Consent), ct), slug, id,
            "Calls.Applied", ApplyKey);

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct) =>
        await AnswerAsync(await applications.WithdrawAsync(slug, id, ct), slug, id, "Calls.Withdrawn");

    public async Task<IActionResult> OnPostDeclineAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct) =>
        await AnswerAsync(await applications.DeclineAsync(slug, id, ct), slug, id, "Calls.DeclinedFlash");

    public async Task<IActionResult> OnPostOpenAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct) =>
        await AnswerAsync(await setup.OpenAsync(slug, id, ct), slug, id, "Calls.Opened");

    public async Task<IActionResult> OnPostCloseAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct) =>
        await AnswerAsync(await setup.CloseAsync(slug, id, ct), slug, id, "Calls.ClosedFlash");

    public async Task<IActionResult> OnPostFinishAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct) =>
        await AnswerAsync(await setup.FinishAsync(slug, id, ct), slug, id, "Calls.Finished");

    public async Task<IActionResult> OnPostReviewersAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct) =>
        await AnswerAsync(await setup.SetReviewersAsync(slug, id, Reviewers, ct), slug, id, "Calls.ReviewersSaved", (_, f) => f.Length == 0 ? "" : "Reviewers");

    public async Task<IActionResult> OnPostInviteAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct) =>
        await AnswerAsync(await setup.InviteAsync(slug, id, InviteEmail, ct), slug, id, "Calls.InvitationSent", (_, f) => f.Length == 0 ? "" : "InviteEmail");
}
