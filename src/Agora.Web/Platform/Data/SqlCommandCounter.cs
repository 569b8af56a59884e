using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agora.Web.Platform.Data;

/// <summary>
/// Counts the SQL commands a request sends, so tests can hold pages to a constant number of queries whatever the
/// data size (an N+1 fails the build). Off unless Diagnostics:SqlCommandHeader is true: then each response carries
/// the count in the X-Agora-Sql-Commands header.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    public const string Header = "X-Agora-Sql-Commands";

    private static readonly AsyncLocal<Counter?> Current = new();

    private sealed class Counter
    {
        public int Value;
    }

    public static readonly SqlCommandCounter Instance = new();

    /// <summary>For commands sent without EF Core (the full-text search's own SQL).</summary>
    public static void Count()
    {
        if (Current.Value is { } c) Interlocked.Increment(ref c.Value);
    }

    /// <summary>Counts the commands of each request and reports them in a response header.</summary>
    public static void UseSqlCommandHeader(IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var counter = new Counter();
        Current.Value = counter;
        ctx.Response.OnStarting(() =>
        {
            ctx.Response.Headers[Header] = counter.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(ctx);
    });

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }
}
