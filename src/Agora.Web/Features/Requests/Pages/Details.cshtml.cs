using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Requests.Pages;

/// <summary>One request: its answers, documents, dates and timeline, and what the reader may do with it now.</summary>
public sealed class DetailsModel(HubQueries hubs, RequestQueries queries, RequestWorkflow workflow, RequestReviewing reviewing,
    Viewers viewers, IStringLocalizer<SharedResource> t) : FormPage(t)
{
    public HubDetail Hub { get; private set; } = null!;
    public RequestDetail Item { get; private set; } = null!;
    /// <summary>Hub managers amend, renew and revoke a data permit.</summary>
    public bool CanManagePermit { get; private set; }

    public sealed class ReturnForm
    {
        public string? Missing { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class ExtendForm
    {
        public int? Months { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class AssignForm
    {
        public string? Email { get; set; }
        public ReviewRole? Role { get; set; }
    }

    public sealed class ReviewForm
    {
        public List<string> Checked { get; set; } = [];
        public Recommendation? Recommendation { get; set; }
        public string? Opinion { get; set; }
    }

    public sealed class DecisionForm
    {
        public RequestState? Decision { get; set; }
        public string? Reasons { get; set; }
        public string? Conditions { get; set; }
    }

    public sealed class PermitForm
    {
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public string? GrantedData { get; set; }
        public string? Environment { get; set; }
        public string? AuthorisedPeople { get; set; }
        public string? Conditions { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public AssignForm Assign { get; set; } = new();
    [BindProperty] public ReviewForm ReviewInput { get; set; } = new();
    [BindProperty] public DecisionForm Decision { get; set; } = new();
    [BindProperty] public PermitForm Permit { get; set; } = new();
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public ReturnForm Return { get; set; } = new();
    [BindProperty] public ExtendForm Extend { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReturnAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, await workflow.ReturnAsync(slug, id, new ReturnInput(Return.Missing, Return.DueOn), ct), "Return", "Requests.Returned", ct);

    public async Task<IActionResult> OnPostAcceptAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, await workflow.AcceptAsync(slug, id, ct), "", "Requests.Accepted", ct);

    public async Task<IActionResult> OnPostExtendAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, await workflow.ExtendAsync(slug, id, new ExtendInput(Extend.Months, Extend.Reason), ct), "Extend", "Requests.ExtendedFlash", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, await workflow.WithdrawAsync(slug, id, ct), "", "Requests.WithdrawnFlash", ct);

    public async Task<IActionResult> OnPostAssignAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, (await reviewing.AssignAsync(slug, id, new AssignInput(Assign.Email, Assign.Role), ct)).Select(_ => 0), "Assign",
            "Requests.ReviewerAssigned", ct, "#reviews");

    public async Task<IActionResult> OnPostUnassignAsync(string slug, [FromRoute(Name = "request")] int id, Guid review, CancellationToken ct) =>
        await AnswerAsync(slug, id, (await reviewing.UnassignAsync(slug, id, review, ct)).Select(_ => 0), "Assign", "Requests.ReviewerRemoved", ct, "#reviews");

    /// <summary>Saves the reader's review; <paramref name="signOff"/> signs it off (final).</summary>
    public async Task<IActionResult> OnPostReviewAsync(string slug, [FromRoute(Name = "request")] int id, Guid review, bool signOff, CancellationToken ct) =>
        await AnswerAsync(slug, id, (await reviewing.ReviewAsync(slug, id, review, ReviewInput.Checked,
                new Requests.ReviewInput(null, ReviewInput.Recommendation, ReviewInput.Opinion, signOff), ct)).Select(_ => 0),
            "ReviewInput", signOff ? "Requests.ReviewSignedOffFlash" : "Requests.ReviewSaved", ct, "#reviews");

    public async Task<IActionResult> OnPostNoteAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, (await reviewing.WriteAsync(slug, id, MessageKind.InternalNote, new MessageInput(Body), ct)).Select(_ => 0), "Note",
            "Requests.NoteWritten", ct, "#notes");

    public async Task<IActionResult> OnPostAskAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, (await reviewing.WriteAsync(slug, id, MessageKind.Question, new MessageInput(Body), ct)).Select(_ => 0), "Ask",
            "Requests.QuestionAsked", ct, "#questions");

    public async Task<IActionResult> OnPostAnswerAsync(string slug, [FromRoute(Name = "request")] int id, long question, CancellationToken ct) =>
        await AnswerAsync(slug, id, (await reviewing.WriteAsync(slug, id, MessageKind.Answer, new MessageInput(Body, question), ct)).Select(_ => 0), "Answer",
            "Requests.AnswerSent", ct, "#questions");

    public async Task<IActionResult> OnPostDecideAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, await reviewing.DecideAsync(slug, id, new DecisionInput(Decision.Decision, Decision.Reasons, Decision.Conditions,
            ToInput(Permit)), ct),
            "Decision", "Requests.DecidedFlash", ct);

    public async Task<IActionResult> OnPostAmendPermitAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, await reviewing.AmendPermitAsync(slug, id, ToInput(Permit), ct), "Permit", "Requests.PermitAmended", ct, "#permit");

    public async Task<IActionResult> OnPostRevokePermitAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, await reviewing.RevokePermitAsync(slug, id, Permit.Reason, ct), "Permit", "Requests.PermitRevokedFlash", ct, "#permit");

    private static PermitInput ToInput(PermitForm p) => new(p.ValidFrom, p.ValidTo, p.GrantedData, p.Environment, p.AuthorisedPeople, p.Conditions, p.Reason);

    private Task<IActionResult> AnswerAsync(string slug, int id, Result<int> result, string prefix, string flash, CancellationToken ct, string anchor = "") =>
        AnswerAsync(result, prefix, flash, $"/hubs/{slug}/requests/{id}{anchor}", () => LoadAsync(slug, id, ct));

    /// <summary>A decision's permit fields ("permit.validFrom") are the Permit form's on this page.</summary>
    protected override string ErrorKey(string prefix, string field) =>
        field.StartsWith("permit.", StringComparison.Ordinal) ? base.ErrorKey("Permit", field["permit.".Length..]) : base.ErrorKey(prefix, field);

    private async Task<bool> IsManagerAsync(Guid hubId, CancellationToken ct) => (await viewers.ForHubAsync(hubId, ct)).IsManager;

    private async Task<bool> LoadAsync(string slug, int id, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return false;
        if (await queries.GetAsync(slug, id, ct) is not { } item) return false;
        Hub = hub;
        Item = item;
        CanManagePermit = await IsManagerAsync(hub.Id, ct);
        return true;
    }
}
