namespace Agora.Web.Features.Organisations;

public static class OrganisationTypes
{
    public static readonly OrganisationType[] All = Enum.GetValues<OrganisationType>();

    /// <summary>Parses a type by its name ("Hospital", case-insensitive); numbers and unknown names give null.</summary>
    public static OrganisationType? Parse(string? value)
    {
        var clean = value?.Trim();
        if (string.IsNullOrEmpty(clean)) return null;
        foreach (var type in All)
            if (string.Equals(type.ToString(), clean, StringComparison.OrdinalIgnoreCase)) return type;
        return null;
    }

    /// <summary>Resource key of the type's name.</summary>
    public static string Key(OrganisationType type) => "OrganisationType." + type;
}
