using System.Text.Json;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Accounts.Pages;

/// <summary>Everything Agora holds about the person: shown on the page, or downloaded as JSON or as an archive with their files.</summary>
public sealed class ExportModel(PersonalDataService data, CurrentUser current) : PageModel
{
    /// <summary>The export as JSON, section by section, when the person asked to see it here.</summary>
    public IReadOnlyList<(string Section, JsonElement Value)>? Sections { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var export = await data.ExportAsync(current.RequiredId, ct);
        return File(JsonSerializer.SerializeToUtf8Bytes(export, PersonalDataService.Json), "application/json", "agora-personal-data.json");
    }

    public async Task<IActionResult> OnPostArchiveAsync(CancellationToken ct)
    {
        Response.ContentType = "application/zip";
        Response.Headers.ContentDisposition = "attachment; filename=\"agora-personal-data.zip\"";
        await data.WriteArchiveAsync(current.RequiredId, Response.Body, ct);
        // The body is written: no page after it.
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostShowAsync(CancellationToken ct)
    {
        var export = await data.ExportAsync(current.RequiredId, ct);
        Sections = export.Select(e => (e.Key, JsonSerializer.SerializeToElement(e.Value, PersonalDataService.Json))).ToList();
        return Page();
    }
}
