using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network.Pages.Requests;

/// <summary>Registering the organisation as a customer of the hub network, and keeping its customer data: its admins only (others: 404).</summary>
public sealed class CustomerModel(NetworkCustomers customers, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class Form
    {
        public CustomerType? Type { get; set; }
        public CompanySize? Size { get; set; }
        public string? Sector { get; set; }
        public string? Country { get; set; }
        public string? RegionCode { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public CustomerView Customer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var found = await customers.GetAsync(slug, ct);
        if (!found.IsOk) return NotFound();
        Customer = found.Value!;
        Input = new Form { Type = Customer.Type, Size = Customer.Size, Sector = Customer.Sector, Country = Customer.Country, RegionCode = Customer.RegionCode };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var result = await customers.SaveAsync(slug, new CustomerInput(Input.Type, Input.Size, Input.Sector, Input.Country, Input.RegionCode), ct);
        return await this.AnswerAsync(result, t["Network.Requests.CustomerSaved"].Value, _ => $"/organisations/{slug}/customer", async () =>
        {
            var found = await customers.GetAsync(slug, ct);
            if (!found.IsOk) return NotFound();
            Customer = found.Value!;
            return Page();
        }, refused: _ => NotFound());
    }
}
