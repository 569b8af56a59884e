using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Accounts.Pages;

/// <summary>Downloads everything Agora holds about the person as JSON.</summary>
public sealed class ExportModel(PersonalDataExport export) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var data = await export.ExportAsync(ct);
        return File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", "agora-personal-data.json");
    }
}
