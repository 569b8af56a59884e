using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Suggestions;

/// <summary>What the suggestions hold about a person: their verdicts (useful, dismissed). Erasure deletes them.</summary>
public sealed class SuggestionsPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "matchSuggestions";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(MatchFeedback)];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct) => new
    {
        feedback = await db.MatchFeedback.AsNoTracking().Where(f => f.PersonId == userId).OrderBy(f => f.At)
            .Select(f => new { item = f.ForKey, counterpart = f.CounterpartKey, verdict = f.Verdict.ToString(), f.At })
            .ToListAsync(ct),
    };

    public Task EraseAsync(Erasure e, CancellationToken ct) => db.MatchFeedback.Where(f => f.PersonId == e.UserId).ExecuteDeleteAsync(ct);
}
