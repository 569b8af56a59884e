using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network.Pages.Requests;

/// <summary>
/// Asking the network for a service (?service=ID) or describing a need (?hub=slug, or the hub the form proposes: the
/// one serving the customer's region, else one of its country, else any). For members of a registered customer; the
/// others are told how their organisation registers.
/// </summary>
public sealed class NewModel(ServiceRequestQueries queries, ServiceRequestWorkflow workflow, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class Form
    {
        public string? Organisation { get; set; }
        public int? ServiceId { get; set; }
        public string? Hub { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public ServiceCategory? Category { get; set; }
        public string? Technology { get; set; }
        public string? Sector { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public AskOptions Options { get; private set; } = null!;
    public IReadOnlyList<HubRef> Unregistered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] int? service, [FromQuery] string? hub, [FromQuery] string? organisation, CancellationToken ct)
    {
        await LoadAsync(service, ct);
        if (service is not null && Options.Service is null) return NotFound();
        var customer = Options.Customers.FirstOrDefault(c => c.Slug == organisation) ?? Options.Customers.FirstOrDefault();
        Input = new Form
        {
            Organisation = customer?.Slug, ServiceId = Options.Service?.Id,
            Hub = Options.Hubs.Any(h => h.Slug == hub) ? hub : customer?.ProposedHub,
            Category = Options.Service?.Category,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await workflow.AskAsync(new AskInput(Input.Organisation, Input.ServiceId, Input.ServiceId is null ? Input.Hub : null, Input.Title, Input.Description,
            Input.Category, Input.Technology, Input.Sector), ct);
        return await this.AnswerAsync(result, t["Network.Requests.Sent"].Value, id => ServiceRequestWorkflow.PathOf(id), async () =>
        {
            await LoadAsync(Input.ServiceId, ct);
            return Page();
        });
    }

    private async Task LoadAsync(int? service, CancellationToken ct)
    {
        Options = await queries.AskOptionsAsync(service, ct);
        if (Options.Customers.Count == 0) Unregistered = await queries.UnregisteredOrganisationsAsync(ct);
    }
}
