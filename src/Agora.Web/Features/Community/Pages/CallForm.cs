using System.Globalization;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Agora.Web.Features.Community.Pages;

public sealed class CriterionField
{
    public string? Name { get; set; }
    public int? Weight { get; set; }
}

public sealed class QuestionField
{
    public string? Text { get; set; }
    public bool Required { get; set; }
}

public sealed class StageField
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>The hub's event the stage takes place at (a workshop, a week of sessions), if any.</summary>
    public int? EventId { get; set; }
}

/// <summary>The call form as posted: a fixed number of rows for criteria, questions and stages (empty rows are left out).</summary>
public sealed class CallForm
{
    public const int CriterionRows = 6, QuestionRows = 5, StageRows = 4;

    public string? Role { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Audience { get; set; } = nameof(CallAudience.HubMembers);
    public int? Seats { get; set; }
    /// <summary>The last day to apply; applications close at its end (23:59:59) in the hub's time zone.</summary>
    public DateOnly? Deadline { get; set; }
    public List<CriterionField> Criteria { get; set; } = [];
    public List<QuestionField> Questions { get; set; } = [];
    public List<StageField> Stages { get; set; } = [];

    /// <summary>The end of <paramref name="day"/> in the hub's zone, as UTC (the API takes that instant directly).</summary>
    public static DateTimeOffset EndOf(DateOnly day, TimeZoneInfo zone) => ZonedTime.EndOfDay(day, zone);

    /// <summary>The value of a defined role in the role select ("defined:3"); built-in roles are their names.</summary>
    public const string DefinedPrefix = "defined:";

    public CallInput ToInput(TimeZoneInfo zone)
    {
        int? defined = null;
        var role = Role;
        if (Role?.StartsWith(DefinedPrefix, StringComparison.Ordinal) == true)
        {
            // An unreadable id stays in Role, where the use case refuses it as an unknown role.
            if (int.TryParse(Role.AsSpan(DefinedPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) (defined, role) = (id, null);
        }
        return new(role, Title, Description, Audience, Seats, Deadline is { } d ? EndOf(d, zone) : null,
            Criteria.Select(c => new CriterionInput(c.Name, c.Weight)).ToList(),
            Questions.Select(q => new QuestionInput(q.Text, q.Required)).ToList(),
            Stages.Select(s => new StageInput(s.Name, s.Description, s.StartsOn, s.EndsOn, s.EventId)).ToList(), defined);
    }

    /// <summary>Pads the lists to their rows so the form always offers empty ones.</summary>
    public CallForm Padded()
    {
        while (Criteria.Count < CriterionRows) Criteria.Add(new CriterionField());
        while (Questions.Count < QuestionRows) Questions.Add(new QuestionField());
        while (Stages.Count < StageRows) Stages.Add(new StageField());
        return this;
    }

    public static CallForm From(CallDetail d, TimeZoneInfo zone) => new CallForm
    {
        Role = d.DefinedRole is { } defined ? DefinedPrefix + defined.Id.ToString(CultureInfo.InvariantCulture) : d.Role.ToString(), Title = d.Title, Description = d.Description, Audience = d.Audience.ToString(), Seats = d.Seats,
        Deadline = DateOnly.FromDateTime(ZonedTime.ToLocal(d.Deadline, zone)),
        Criteria = d.Criteria.Select(c => new CriterionField { Name = c.Name, Weight = c.Weight }).ToList(),
        Questions = d.Questions.Select(q => new QuestionField { Text = q.Text, Required = q.Required }).ToList(),
        Stages = d.Stages.Select(s => new StageField { Name = s.Name, Description = s.Description, StartsOn = s.StartsOn, EndsOn = s.EndsOn, EventId = s.EventId }).ToList(),
    }.Padded();

    /// <summary>Where a use case's field shows on the form: "criteria[0].name" → "Input.Criteria[0].Name".</summary>
    public static string ErrorKey(string prefix, string field) =>
        field == "definedRoleId" ? prefix + ".Role" : field.Length == 0 ? "" : prefix + "." + string.Join('.', field.Split('.').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}

/// <summary>What the call form's partial needs.</summary>
public sealed record CallFormView(CallForm Form, ModelStateDictionary State, IReadOnlyList<StageEventOption> Events, string TimeZone,
    IReadOnlyList<Hubs.HeldRole> DefinedRoles)
{
    public static string Id(string name) => PageSupport.FieldId(name);

    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string? Invalid(string name) => State.TryGetValue(name, out var e) && e.Errors.Count > 0 ? "true" : null;

    public string? DescribedBy(string name, string? hint = null)
    {
        var ids = new List<string>();
        if (hint is not null) ids.Add(hint);
        if (Invalid(name) is not null) ids.Add(Id(name) + "-error");
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
