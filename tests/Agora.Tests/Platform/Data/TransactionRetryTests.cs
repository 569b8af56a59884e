using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Agora.Tests.Platform.Data;

/// <summary>
/// PostgreSQL retries a transaction that failed for a transient reason. The retried attempt must not write what the
/// failed one staged a second time: exactly one history event, one audit entry and one notification.
/// </summary>
public sealed class TransactionRetryTests
{
    [Fact]
    public async Task InTransactionAsync_TransientFailureOnFirstCommit_RetriesAndWritesEachRowOnce()
    {
        var failure = new FirstCommitFails("INSERT INTO \"IdeaEvents\"");
        await using var app = new AgoraFactory("Postgres")
        {
            Configure = b => b.ConfigureTestServices(s => s.ConfigureDbContext<AgoraDbContext>(o => o.AddInterceptors(failure))),
        };
        var c = await IdeaFixtures.CampaignAsync(app);
        var id = await IdeaFixtures.SeedIdeaAsync(app, c, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);

        failure.Armed = true;
        var response = await manager.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/state", new { state = "UnderReview" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, failure.Failed);
        Assert.Equal(1, await DbAsync(app, db => db.IdeaEvents.CountAsync(e => e.IdeaId == id && e.ToState == Agora.Web.Features.Ideas.IdeaState.UnderReview)));
        Assert.Equal(1, await DbAsync(app, db => db.AuditEvents.CountAsync(e => e.Action == "idea.state-changed" && e.Subject!.StartsWith($"#{id} "))));
        Assert.Equal(1, await DbAsync(app, db => db.Notifications.CountAsync(n => n.IdeaId == id && n.Kind == NotificationKind.IdeaStateChanged)));
    }

    /// <summary>
    /// Fails the first commit of a transaction that ran a command containing <paramref name="marker"/>, with a
    /// serialization failure (40001), which the retrying execution strategy treats as transient.
    /// </summary>
    private sealed class FirstCommitFails(string marker) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, object> _seen = [];
        public volatile bool Armed;
        public int Failed;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Note(DbCommand command)
        {
            if (Armed && command.Transaction is not null && command.CommandText.Contains(marker, StringComparison.Ordinal))
                _seen.AddOrUpdate(command.Transaction, marker);
        }

        public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Armed && _seen.TryGetValue(transaction, out _) && Interlocked.CompareExchange(ref Failed, 1, 0) == 0)
            {
                Armed = false;
                throw new PostgresException("could not serialize access (forced by the test)", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure);
            }
            return ValueTask.FromResult(result);
        }
    }
}
