using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

/// <summary>What can change on an initiative outside its gates: texts, who may see it, and its classification.</summary>
public sealed record InitiativeChanges(string? Title, string? Summary, string? Description, InitiativeVisibility? Visibility,
    VergantiType? Verganti, InnovationKind? Kind, StakeholderGroups? Stakeholders, int? Version);

/// <summary>The owner or a hub manager edits an initiative; a change from a stale version is refused. Audited.</summary>
public sealed class EditInitiative(AgoraDbContext db, InitiativeAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<int>> EditAsync(string hubSlug, int id, InitiativeChanges input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.CanEdit) return scope.Refuse<int>();
        var initiative = scope.Initiative;

        var title = v.Text("title", input.Title, InitiativeLimits.Title);
        var summary = v.Text("summary", input.Summary, InitiativeLimits.Summary, required: false, multiline: true);
        var description = v.Text("description", input.Description, InitiativeLimits.Description, required: false, multiline: true);
        var visibility = input.Visibility ?? initiative.Visibility;
        if (!Enum.IsDefined(visibility)) v.Add("visibility", "Validation.Invalid");
        if (input.Verganti is { } verganti && !Enum.IsDefined(verganti)) v.Add("verganti", "Validation.Invalid");
        if (input.Kind is { } kind && !Enum.IsDefined(kind)) v.Add("kind", "Validation.Invalid");
        var stakeholders = input.Stakeholders ?? StakeholderGroups.None;
        if ((stakeholders & ~(StakeholderGroups.OwnersAndCustomers | StakeholderGroups.PatientsAndCitizens | StakeholderGroups.Suppliers
                | StakeholderGroups.AuthoritiesAndResearch)) != 0) v.Add("stakeholders", "Validation.Invalid");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);

        var seen = input.Version ?? initiative.Version;
        var now = clock.GetUtcNow();
        var changed = await db.InTransactionAsync(async token =>
        {
            var rows = await db.Initiatives.Where(i => i.Id == id && i.Version == seen).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Title, title).SetProperty(i => i.Summary, summary).SetProperty(i => i.Description, description)
                .SetProperty(i => i.Visibility, visibility).SetProperty(i => i.Verganti, input.Verganti).SetProperty(i => i.Kind, input.Kind)
                .SetProperty(i => i.Stakeholders, stakeholders).SetProperty(i => i.UpdatedAt, now).SetProperty(i => i.Version, i => i.Version + 1), token);
            if (rows == 0) return false;
            audit.Add(AuditActions.InitiativeEdited, initiative.HubId, CreateInitiative.Subject(id, title),
                visibility != initiative.Visibility ? $"{initiative.Visibility} → {visibility}" : null);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return changed ? Result<int>.Ok(id) : Result<int>.Conflict("", v.Message("Initiatives.ChangedMeanwhile"));
    }
}
