namespace Agora.Web.Features.Mentoring.Pages;

/// <summary>The model of _PairTable: pairs listed by the other person (the mentor when <see cref="ShowMentor"/>).</summary>
public sealed record PairTable(string Slug, IReadOnlyList<PairRow> Pairs, string Caption, bool ShowMentor, string TimeZone);
