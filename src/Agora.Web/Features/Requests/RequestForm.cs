namespace Agora.Web.Features.Requests;

/// <summary>The kinds of field a request form is made of.</summary>
public enum FieldKind
{
    Text,
    LongText,
    /// <summary>One of <see cref="RequestField.Options"/>.</summary>
    Choice,
    /// <summary>Any number of <see cref="RequestField.Options"/>.</summary>
    MultiChoice,
    Date,
    Number,
    /// <summary>One or more uploaded documents, kept apart and seen only by the applicant, assigned reviewers and managers.</summary>
    File,
    /// <summary>A group of fields that the applicant repeats as often as needed (e.g. the people who will access the data).</summary>
    Group,
}

/// <summary>A text in the three languages of Agora.</summary>
public sealed record LocalText(string En, string Pt, string Nb)
{
    public string In(string culture) => Platform.Localization.ThreeLanguages.Pick(culture, En, Pt, Nb);
}

public sealed record FieldOption(string Key, LocalText Label);

/// <summary>
/// One field of a request form. <see cref="Key"/> is stable (answers are stored under it); <see cref="Label"/> and
/// <see cref="Help"/> are what people read. <see cref="RequiredIf"/> makes a field required only when another
/// field (a choice) has one of the given values, e.g. the justification of pseudonymised data.
/// </summary>
public sealed record RequestField(
    string Key,
    FieldKind Kind,
    LocalText Label,
    LocalText? Help = null,
    bool Required = false,
    IReadOnlyList<FieldOption>? Options = null,
    IReadOnlyList<RequestField>? Fields = null,
    int? MaxLength = null,
    RequiredWhen? RequiredIf = null,
    string? Default = null);

/// <summary>The field is required when the choice <see cref="Field"/> has one of <see cref="Values"/>.</summary>
public sealed record RequiredWhen(string Field, IReadOnlyList<string> Values);

/// <summary>A request form: its sections, each a titled list of fields.</summary>
public sealed record RequestForm(IReadOnlyList<FormSection> Sections)
{
    public IEnumerable<RequestField> Fields => Sections.SelectMany(s => s.Fields);
}

public sealed record FormSection(string Key, LocalText Title, IReadOnlyList<RequestField> Fields);

public static class RequestFormRules
{
    public const int TextLength = 300;
    public const int LongTextLength = 8000;
    public const int MaxRepeats = 50;
    public const int MaxFields = 80;
    public const int KeyLength = 40;
}
