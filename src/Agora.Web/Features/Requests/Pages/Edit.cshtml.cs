using System.Text.Json.Nodes;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Requests.Pages;

/// <summary>
/// The applicant fills in a draft (or completes a returned request): one form for answers and documents, saved as a
/// draft or submitted; errors are shown next to their fields.
/// </summary>
public sealed class EditModel(HubQueries hubs, RequestQueries queries, RequestWorkflow workflow, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public HubRequest Draft { get; private set; } = null!;
    public RequestFieldsModel Fields { get; private set; } = null!;
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, null, ct)) return NotFound();
        Title = Draft.Title;
        Version = Draft.Version;
        return Page();
    }

    /// <summary>Saves answers and new documents; with <paramref name="submit"/> then submits.</summary>
    public async Task<IActionResult> OnPostAsync(string slug, [FromRoute(Name = "request")] int id, bool submit, CancellationToken ct)
    {
        if (await queries.EditableAsync(slug, id, ct) is not { } editable) return NotFound();
        var answers = RequestAnswers.FromForm(editable.Form, name => Request.Form[name].Select(s => s ?? "").ToList());
        if (await SaveAsync(slug, id, editable.Form, answers, ct) is { } failed) return failed;
        if (!submit)
        {
            TempData["Flash"] = t["Requests.DraftSaved"].Value;
            return Redirect($"/hubs/{slug}/requests/{id}/edit");
        }
        var submitted = await workflow.SubmitAsync(slug, id, ct);
        if (submitted.IsOk)
        {
            TempData["Flash"] = t["Requests.Submitted"].Value;
            return Redirect($"/hubs/{slug}/requests/{id}");
        }
        return await ShowErrorsAsync(slug, id, submitted, null, ct);
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(string slug, [FromRoute(Name = "request")] int id, Guid file, CancellationToken ct)
    {
        if (await queries.EditableAsync(slug, id, ct) is not { } editable) return NotFound();
        var answers = RequestAnswers.FromForm(editable.Form, name => Request.Form[name].Select(s => s ?? "").ToList());
        if (await SaveAsync(slug, id, editable.Form, answers, ct) is { } failed) return failed;
        var removed = await workflow.RemoveFileAsync(slug, id, file, ct);
        if (!removed.IsOk && removed.Outcome != Outcome.NotFound) return Forbid();
        TempData["Flash"] = t["Requests.FileRemoved"].Value;
        return Redirect($"/hubs/{slug}/requests/{id}/edit");
    }

    /// <summary>Saves the answers, then adds the documents posted as "f.{key}"; the page with errors when something is wrong.</summary>
    private async Task<IActionResult?> SaveAsync(string slug, int id, RequestForm form, JsonObject answers, CancellationToken ct)
    {
        var saved = await workflow.SaveAsync(slug, id, new DraftChanges(Title, answers, Version), ct);
        if (!saved.IsOk) return await ShowErrorsAsync(slug, id, saved, answers, ct);
        foreach (var file in Request.Form.Files.Where(f => f.Name.StartsWith("f.", StringComparison.Ordinal) && f.Length > 0))
        {
            var added = await workflow.AddFileAsync(slug, id, file.Name[2..], await Uploads.ReadAsync(file, Uploads.MaxBytes, ct), ct);
            if (!added.IsOk) return await ShowErrorsAsync(slug, id, added.Select(_ => 0), null, ct, "a." + file.Name[2..]);
        }
        return null;
    }

    private async Task<IActionResult> ShowErrorsAsync(string slug, int id, Result<int> result, JsonObject? answers, CancellationToken ct, string? fileField = null)
    {
        switch (result.Outcome)
        {
            case Outcome.NotFound or Outcome.Forbidden:
                return this.Refusal(result.Outcome);
        }
        foreach (var (field, messages) in result.Errors)
        {
            // "answers.x" is the field "a.x" on this page; a document's errors ("file") belong to its field.
            var key = field.StartsWith("answers.", StringComparison.Ordinal) ? "a." + field["answers.".Length..]
                : field is "file" or "field" && fileField is not null ? fileField
                : field == "title" ? "Title" : "";
            foreach (var m in messages) ModelState.AddModelError(key, m);
        }
        return await LoadAsync(slug, id, answers, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string slug, int id, JsonObject? answers, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return false;
        if (await queries.EditableAsync(slug, id, ct) is not { } editable) return false;
        Hub = hub;
        Draft = editable.Request;
        Fields = new RequestFieldsModel(editable.Form, answers ?? editable.Answers, editable.Files);
        if (answers is null) Version = editable.Request.Version;
        return true;
    }
}
