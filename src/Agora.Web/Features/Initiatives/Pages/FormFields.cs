namespace Agora.Web.Features.Initiatives.Pages;

/// <summary>The values of one risk form (<c>_RiskFields</c>): its id and error prefix, and what it shows.</summary>
public sealed record RiskFields(string Prefix, string? Description, int? Likelihood, int? Impact, string? Mitigation, bool Closed, bool CanClose);

/// <summary>
/// The three-language name fields of a settings form (<c>_NameFields</c>): they post as "{Form}.NameEn" and so on;
/// ids and error keys use <see cref="Prefix"/>, so several forms of one kind on a page keep apart.
/// </summary>
public sealed record NameFields(string Form, string Prefix, string? En, string? Pt, string? Nb, int MaxLength);

/// <summary>Up and down buttons of one item of a settings list (<c>_MoveButtons</c>); <see cref="Name"/> tells screen readers which.</summary>
public sealed record MoveButtons(string What, Guid Id, bool CanUp, bool CanDown, string Name);

/// <summary>A stage form's step and required artefacts (<c>_StageFields</c>), ids and error keys under <see cref="Prefix"/>.</summary>
public sealed record StageFields(string Prefix, ProcessStep? Step, IReadOnlyList<ArtefactKind> Required);
