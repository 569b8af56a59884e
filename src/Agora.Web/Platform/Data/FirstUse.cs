using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Data;

public static class FirstUse
{
    /// <summary>
    /// The rows <paramref name="existing"/> finds; when there are none yet, <paramref name="defaults"/> are saved and
    /// returned. A unique index on the rows decides a race: if another request saved them at the same moment, theirs
    /// are read and returned. Nothing stays tracked either way.
    /// </summary>
    public static async Task<List<T>> ExistingOrCreatedAsync<T>(this AgoraDbContext db, IQueryable<T> existing, Func<List<T>> defaults,
        CancellationToken ct) where T : class
    {
        var rows = await existing.AsNoTracking().ToListAsync(ct);
        if (rows.Count > 0) return rows;
        rows = defaults();
        db.Set<T>().AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            foreach (var r in rows) db.Entry(r).State = EntityState.Detached;
            return await existing.AsNoTracking().ToListAsync(ct);
        }
        foreach (var r in rows) db.Entry(r).State = EntityState.Detached;
        return rows;
    }
}
