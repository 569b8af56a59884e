namespace Agora.Web.Features.Organisations.Pages;

/// <summary>The organisation form's fields, shared by the new and edit pages.</summary>
public sealed class OrganisationForm
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Country { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }

    public OrganisationInput ToInput() => new()
    {
        Slug = Slug, Name = Name, Type = Type, Country = Country, Website = Website, Description = Description,
    };

    public static OrganisationForm From(OrganisationDetail o) => new()
    {
        Slug = o.Slug, Name = o.Name, Type = o.Type.ToString(), Country = o.Country, Website = o.Website, Description = o.Description,
    };
}

/// <summary>What the _OrganisationForm partial needs from its page.</summary>
public interface IOrganisationFormPage
{
    OrganisationForm Input { get; }
    bool IsNew { get; }
}
