using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network.Pages.Requests;

/// <summary>
/// One service request: its timeline in words, who handles it now and why, the delivery and the feedback; the desk's
/// actions for the front desks concerned, withdrawing and feedback for the customer. 404 for everyone else, signed in
/// or not, as in the API.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(ServiceRequestQueries queries, ServiceRequestWorkflow workflow, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class DeclineForm { public string? Reason { get; set; } }
    public sealed class ReferForm { public string? Hub { get; set; } public string? Note { get; set; } }
    public sealed class ReferralForm { public string? Note { get; set; } }
    public sealed class DeliveryForm
    {
        public DeliveryStatus? Status { get; set; }
        public DateOnly? StartedOn { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public string? Outcome { get; set; }
    }
    public sealed class FeedbackForm { public int? Rating { get; set; } public string? Comment { get; set; } }

    [BindProperty] public DeclineForm Decline { get; set; } = new();
    [BindProperty] public ReferForm Refer { get; set; } = new();
    [BindProperty] public ReferralForm Referral { get; set; } = new();
    [BindProperty] public DeliveryForm Delivery { get; set; } = new();
    [BindProperty] public FeedbackForm Feedback { get; set; } = new();

    public ServiceRequestDetail Detail { get; private set; } = null!;
    public IReadOnlyList<HubRef> ReferTargets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Detail.Delivery is { } d)
        {
            Delivery = new DeliveryForm { Status = d.Status, StartedOn = d.StartedOn, CompletedOn = d.CompletedOn, Outcome = d.Outcome };
            Feedback = new FeedbackForm { Rating = d.FeedbackRating, Comment = d.FeedbackComment };
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } detail) return false;
        Detail = detail;
        if (detail.Actions.Answer) ReferTargets = await queries.ReferTargetsAsync(detail.Hub.Slug, ct);
        return true;
    }

    private Task<IActionResult> AnswerAsync(int id, Result<int> result, string flash, string prefix, CancellationToken ct) =>
        this.AnswerAsync(result, t[flash].Value, _ => ServiceRequestWorkflow.PathOf(id),
            async () => await LoadAsync(id, ct) ? Page() : NotFound(), prefix, PageSupport.ErrorKey);

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await workflow.AcceptAsync(id, ct), "Network.Requests.AcceptedFlash", "Accept", ct);

    public async Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await workflow.DeclineAsync(id, new DeclineInput(Decline.Reason), ct), "Network.Requests.DeclinedFlash", "Decline", ct);

    public async Task<IActionResult> OnPostReferAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await workflow.ReferAsync(id, new ReferInput(Refer.Hub, Refer.Note), ct), "Network.Requests.ReferredFlash", "Refer", ct);

    public async Task<IActionResult> OnPostAcceptReferralAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await workflow.AcceptReferralAsync(id, ct), "Network.Requests.AcceptedFlash", "Referral", ct);

    public async Task<IActionResult> OnPostDeclineReferralAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await workflow.DeclineReferralAsync(id, new ReferralAnswerInput(Referral.Note), ct), "Network.Requests.ReferralDeclinedFlash", "Referral", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await workflow.WithdrawAsync(id, ct), "Network.Requests.WithdrawnFlash", "Withdraw", ct);

    public async Task<IActionResult> OnPostDeliveryAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await workflow.RecordDeliveryAsync(id, new DeliveryInput(Delivery.Status, Delivery.StartedOn, Delivery.CompletedOn, Delivery.Outcome), ct),
            "Network.Requests.DeliverySaved", "Delivery", ct);

    public async Task<IActionResult> OnPostFeedbackAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await workflow.GiveFeedbackAsync(id, new FeedbackInput(Feedback.Rating, Feedback.Comment), ct), "Network.Requests.FeedbackSaved", "Feedback", ct);
}
