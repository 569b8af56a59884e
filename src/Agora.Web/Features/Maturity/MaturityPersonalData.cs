using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

/// <summary>
/// What digital maturity assessments hold about a person: that they started, last saved or submitted an assessment.
/// The assessment itself belongs to the customer organisation and the hub (EDIH reporting at T0 and T1), so erasure
/// keeps it and removes the person from it.
/// </summary>
public sealed class MaturityPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "maturity";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // StartedById, UpdatedById, SubmittedById: the assessments they took part in (exported; references cleared).
        typeof(MaturityAssessment),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var assessments = await db.MaturityAssessments.AsNoTracking()
            .Where(a => a.StartedById == userId || a.UpdatedById == userId || a.SubmittedById == userId)
            .OrderBy(a => a.StartedAt)
            .Select(a => new
            {
                a.Id, a.OrganisationId, a.HubId, Set = a.Set.ToString(), Wave = a.Wave.ToString(), Status = a.Status.ToString(),
                Started = a.StartedById == userId ? a.StartedAt : (DateTimeOffset?)null,
                LastSaved = a.UpdatedById == userId ? a.UpdatedAt : (DateTimeOffset?)null,
                Submitted = a.SubmittedById == userId ? a.SubmittedAt : null,
            })
            .ToListAsync(ct);
        return new { assessments };
    }

    public async Task EraseAsync(Erasure e, CancellationToken ct)
    {
        var person = e.UserId;
        await db.MaturityAssessments.Where(a => a.StartedById == person).ExecuteUpdateAsync(s => s.SetProperty(a => a.StartedById, (Guid?)null), ct);
        await db.MaturityAssessments.Where(a => a.UpdatedById == person).ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedById, (Guid?)null), ct);
        await db.MaturityAssessments.Where(a => a.SubmittedById == person).ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedById, (Guid?)null), ct);
    }
}
