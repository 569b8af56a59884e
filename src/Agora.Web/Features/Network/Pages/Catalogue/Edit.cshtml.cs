using Agora.Web.Features.Hubs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network.Pages.Catalogue;

/// <summary>A hub manager changes a service, publishes or withdraws it; each change keeps a version.</summary>
public sealed class EditModel(IStringLocalizer<SharedResource> t, MaintainServices services, HubQueries hubs) : ServiceFormPage(t, services, hubs)
{
    public int Id { get; private set; }
    public ServiceStatus Status { get; private set; }
    public int CurrentVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadHubAsync(slug, ct) is { } refused) return refused;
        if (!await LoadServiceAsync(slug, id, fill: true, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadHubAsync(slug, ct) is { } refused) return refused;
        var result = await Services.UpdateAsync(slug, id, Input.ToInput(), ct);
        return await AnswerAsync(result, "Input", "Network.Catalogue.Saved", $"/network/services/{id}", () => LoadServiceAsync(slug, id, fill: false, ct));
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadHubAsync(slug, ct) is { } refused) return refused;
        var result = await Services.PublishAsync(slug, id, Input.Version, Input.Note, ct);
        return await AnswerAsync(result, "Input", "Network.Catalogue.PublishedDone", $"/network/services/{id}", () => LoadServiceAsync(slug, id, fill: true, ct));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadHubAsync(slug, ct) is { } refused) return refused;
        var result = await Services.WithdrawAsync(slug, id, Input.Version, Input.Note, ct);
        return await AnswerAsync(result, "Input", "Network.Catalogue.WithdrawnDone", $"/network/services/{id}", () => LoadServiceAsync(slug, id, fill: true, ct));
    }

    private async Task<bool> LoadServiceAsync(string slug, int id, bool fill, CancellationToken ct)
    {
        var edit = await Services.GetForEditAsync(slug, id, ct);
        if (!edit.IsOk) return false;
        Id = id;
        Status = edit.Value!.Status;
        CurrentVersion = edit.Value.Version;
        if (fill)
        {
            // A failed publish or withdraw shows the service as stored, keeping the note the person wrote.
            var note = Input.Note;
            Input = ServiceForm.From(edit.Value.Input);
            Input.Note = note;
        }
        return true;
    }
}
