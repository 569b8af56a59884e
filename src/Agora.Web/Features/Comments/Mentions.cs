using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Comments;

/// <summary>
/// Finds "@Display Name" mentions in a comment. Only people who can be concerned are candidates: members
/// of the hub and people who wrote the idea or commented on it; the longest matching name wins, so
/// "@Ana Maria" is not read as "@Ana" when both exist.
/// </summary>
public sealed class Mentions(AgoraDbContext db)
{
    private const int MaxMentions = 10;
    private const int MaxCandidatesPerWord = 50;

    public async Task<IReadOnlyList<Guid>> FindAsync(string text, Guid hubId, int ideaId, CancellationToken ct)
    {
        var starts = new List<(int Index, string FirstWord)>();
        for (var i = text.IndexOf('@'); i >= 0 && starts.Count < MaxMentions; i = text.IndexOf('@', i + 1))
        {
            // An address like someone@example.org is not a mention.
            if (i > 0 && char.IsLetterOrDigit(text[i - 1])) continue;
            var end = i + 1;
            while (end < text.Length && char.IsLetter(text[end])) end++;
            if (end > i + 1) starts.Add((i, text[(i + 1)..end]));
        }
        if (starts.Count == 0) return [];

        var found = new List<Guid>();
        foreach (var prefix in starts.Select(s => s.FirstWord.ToLowerInvariant()).Distinct())
        {
            var participants = db.Ideas.Where(i => i.Id == ideaId).Select(i => i.AuthorId)
                .Concat(db.Comments.Where(c => c.IdeaId == ideaId).Select(c => c.AuthorId));
            var candidates = await db.Users
                .Where(u => u.DisplayName.ToLower().StartsWith(prefix)
                            && (db.HubMemberships.Any(m => m.HubId == hubId && m.UserId == u.Id) || participants.Contains(u.Id)))
                .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Select(u => new { u.Id, u.DisplayName }).Take(MaxCandidatesPerWord).ToListAsync(ct);
            foreach (var (index, word) in starts.Where(s => s.FirstWord.Equals(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                var rest = text[(index + 1)..];
                var best = candidates
                    .Where(c => rest.StartsWith(c.DisplayName, StringComparison.OrdinalIgnoreCase)
                                && (rest.Length == c.DisplayName.Length || !char.IsLetterOrDigit(rest[c.DisplayName.Length])))
                    .OrderByDescending(c => c.DisplayName.Length).FirstOrDefault();
                if (best is not null && !found.Contains(best.Id)) found.Add(best.Id);
            }
        }
        return found;
    }
}
