using System.Net;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Search;
using Agora.Web.Platform.Text;

namespace Agora.Bench.Data;

/// <summary>
/// Generates an installation following Agora's rules and streams it to table writers in foreign-key order.
/// Everything derives from the seed: per-idea texts, votes and comments come from a random of their own, so
/// two passes (comments, then their search documents) see the same rows.
/// </summary>
public sealed class Generator(Sizes sizes, int seed)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private const int HistoryDays = 700;

    /// <summary>The password of every generated person.</summary>
    public const string Password = "Bench-password-2026";

    /// <summary>The API token of person n (personN@bench.agora.test).</summary>
    public static string TokenOf(int person) => $"agora_bench-token-{person:D7}";
    /// <summary>
    /// ASP.NET Core Identity's (V3) hash of <see cref="Password"/>, made once with PasswordHasher: one constant keeps the
    /// data identical from run to run (a fresh hash has a fresh salt) and saves 200,000 slow hashes.
    /// </summary>
    private const string PasswordHash = "AQAAAAIAAYagAAAAEI9gxem754vZLiSlGnRR7dxXwOwhAMzjLhnd6Of1/7aWqcK51QKxsvMdxSEMYs+B8g==";

    private readonly Random _random = new(seed);
    private Guid[] _users = [];
    private byte[] _userCulture = [];
    private Guid[] _hubs = [];
    private byte[] _hubCulture = [];
    private int[][] _members = [];
    private int[] _hubManager = [];
    private Guid[] _campaigns = [];
    private int[] _campaignHub = [];
    private byte[] _campaignCulture = [];
    private CampaignState[] _campaignState = [];
    private CampaignAudience[] _campaignAudience = [];
    private int[] _campaignIdeas = [];
    // Ideas are 1-based (their id); index 0 is unused.
    private int[] _ideaCampaign = [];
    private IdeaState[] _ideaState = [];
    private int[] _ideaAuthor = [];
    private byte[] _ideaCulture = [];
    private DateTimeOffset[] _ideaCreated = [];
    private DateTimeOffset[] _ideaPublished = [];
    private DateTimeOffset[] _ideaLastActivity = [];
    private int[] _ideaVotes = [];
    private int[] _ideaComments = [];

    private static string Culture(byte c) => TextGenerator.Cultures[c];

    private Guid NewGuid(Random r)
    {
        Span<byte> bytes = stackalloc byte[16];
        r.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private Random IdeaRandom(int idea, int salt) => new(unchecked(seed * 1_000_003 + idea * 31 + salt));

    private static DateTimeOffset Between(Random r, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? from : from + TimeSpan.FromTicks((long)(r.NextDouble() * (to - from).Ticks));

    public async Task LoadAsync(Func<string, string[], TableWriter> open)
    {
        Plan();
        await WriteUsersAndHubsAsync(open);
        await WriteCampaignsAsync(open);
        await WriteIdeasAsync(open);
        await WriteVotesAsync(open);
        await WriteCommentsAsync(open);
        await WriteSearchDocumentsAsync(open);
    }

    /// <summary>Who is where, which idea is in which state, and how many votes and comments each idea gets.</summary>
    private void Plan()
    {
        var r = _random;
        var h = sizes.Hubs;
        _hubs = new Guid[h];
        _hubCulture = new byte[h];
        for (var i = 0; i < h; i++) { _hubs[i] = NewGuid(r); _hubCulture[i] = (byte)(i % 3); }

        _users = new Guid[sizes.People];
        _userCulture = new byte[sizes.People];
        var members = Enumerable.Range(0, h).Select(_ => new List<int>()).ToArray();
        for (var u = 0; u < sizes.People; u++)
        {
            _users[u] = NewGuid(r);
            // Everyone belongs to one hub (round robin, so every hub has people), some to two or three.
            var first = u % h;
            _userCulture[u] = _hubCulture[first];
            members[first].Add(u);
            var more = r.NextDouble() switch { < 0.1 => 2, < 0.3 => 1, _ => 0 };
            for (var k = 0; k < more; k++)
            {
                var other = r.Next(h);
                if (!members[other].Contains(u)) members[other].Add(u);
            }
        }
        _members = members.Select(m => m.ToArray()).ToArray();
        _hubManager = _members.Select(m => m[0]).ToArray();

        var c = sizes.Campaigns;
        _campaigns = new Guid[c];
        _campaignHub = new int[c];
        _campaignCulture = new byte[c];
        _campaignState = new CampaignState[c];
        _campaignAudience = new CampaignAudience[c];
        _campaignIdeas = new int[c];
        var withIdeas = new List<int>();
        for (var i = 0; i < c; i++)
        {
            _campaigns[i] = NewGuid(r);
            _campaignHub[i] = i % h;
            _campaignCulture[i] = _hubCulture[i % h];
            // The first campaign of each hub is open so that every hub has a live campaign.
            _campaignState[i] = i < h ? CampaignState.Open : r.NextDouble() switch
            {
                < 0.05 => CampaignState.Draft,
                < 0.50 => CampaignState.Open,
                < 0.80 => CampaignState.Voting,
                < 0.90 => CampaignState.InReview,
                _ => CampaignState.Closed,
            };
            // The first campaign of each hub is public too, so the load harness reads it without signing in.
            _campaignAudience[i] = i < h ? CampaignAudience.Public : r.NextDouble() switch
            {
                < 0.45 => CampaignAudience.Public,
                < 0.85 => CampaignAudience.SignedIn,
                _ => CampaignAudience.HubMembers,
            };
            if (_campaignState[i] != CampaignState.Draft) withIdeas.Add(i);
        }

        var n = sizes.Ideas;
        _ideaCampaign = new int[n + 1];
        _ideaState = new IdeaState[n + 1];
        _ideaAuthor = new int[n + 1];
        _ideaCulture = new byte[n + 1];
        _ideaCreated = new DateTimeOffset[n + 1];
        _ideaPublished = new DateTimeOffset[n + 1];
        _ideaLastActivity = new DateTimeOffset[n + 1];
        _ideaVotes = new int[n + 1];
        _ideaComments = new int[n + 1];
        var eligible = new List<int>(n);
        for (var i = 1; i <= n; i++)
        {
            // Skewed: a few campaigns collect many ideas (a viral campaign), most a few hundred or less.
            var campaign = withIdeas[(int)(withIdeas.Count * Math.Pow(r.NextDouble(), 2))];
            _ideaCampaign[i] = campaign;
            _ideaState[i] = r.NextDouble() switch
            {
                < 0.05 => IdeaState.Draft,
                < 0.73 => IdeaState.Published,
                < 0.81 => IdeaState.UnderReview,
                < 0.88 => IdeaState.Accepted,
                < 0.93 => IdeaState.Declined,
                < 0.97 => IdeaState.Implemented,
                _ => IdeaState.Withdrawn,
            };
            var hubMembers = _members[_campaignHub[campaign]];
            _ideaAuthor[i] = hubMembers[r.Next(hubMembers.Length)];
            _ideaCulture[i] = r.NextDouble() < 0.85 ? _campaignCulture[campaign] : (byte)r.Next(3);
            _ideaCreated[i] = Now - TimeSpan.FromDays(r.NextDouble() * HistoryDays);
            if (_ideaState[i] == IdeaState.Draft)
            {
                _ideaPublished[i] = _ideaLastActivity[i] = _ideaCreated[i];
                continue;
            }
            _ideaPublished[i] = _ideaCreated[i] + TimeSpan.FromHours(r.NextDouble() * 72);
            _ideaLastActivity[i] = Between(r, _ideaPublished[i], Now);
            if (_ideaState[i] != IdeaState.Withdrawn)
            {
                _campaignIdeas[campaign]++;
                eligible.Add(i);
            }
        }

        // Votes: a heavy tail, at most one per member of the hub (the author does not vote).
        Distribute(r, eligible, sizes.Votes, _ideaVotes, i => _members[_campaignHub[_ideaCampaign[i]]].Length - 1, 0.7);
        // Comments: some ideas with 2,000+ comments at every scale, the rest spread with a heavy tail.
        long hot = 0;
        for (var k = 0; k < sizes.HotIdeas; k++)
        {
            // In public campaigns, so that anyone (and the load harness) can open these pages.
            var idea = eligible[r.Next(eligible.Count)];
            if (_ideaComments[idea] > 0 || _campaignAudience[_ideaCampaign[idea]] != CampaignAudience.Public) { k--; continue; }
            _ideaComments[idea] = 2_000 + r.Next(1_500);
            hot += _ideaComments[idea];
        }
        Distribute(r, eligible, sizes.Comments - hot, _ideaComments, i => _ideaComments[i] >= 2_000 ? _ideaComments[i] : 1_500, 0.6);
    }

    /// <summary>Adds <paramref name="total"/> to <paramref name="counts"/> over <paramref name="ideas"/> with Pareto-like weights, within each idea's cap.</summary>
    private static void Distribute(Random r, List<int> ideas, long total, int[] counts, Func<int, int> cap, double tail)
    {
        var weights = new double[ideas.Count];
        var sum = 0.0;
        for (var k = 0; k < ideas.Count; k++) sum += weights[k] = Math.Pow(1 - r.NextDouble() * 0.999999, -tail);
        long given = 0;
        for (var k = 0; k < ideas.Count; k++)
        {
            var idea = ideas[k];
            var add = (int)Math.Min(cap(idea) - counts[idea], (long)(total * weights[k] / sum));
            if (add <= 0) continue;
            counts[idea] += add;
            given += add;
        }
        for (long attempts = 0; given < total && attempts < total * 20; attempts++)
        {
            var idea = ideas[r.Next(ideas.Count)];
            if (counts[idea] >= cap(idea)) continue;
            counts[idea]++;
            given++;
        }
    }

    private async Task WriteUsersAndHubsAsync(Func<string, string[], TableWriter> open)
    {
        var r = new Random(seed + 1);
        await using (var users = open("AspNetUsers", ["Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
            "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd",
            "LockoutEnabled", "AccessFailedCount", "DisplayName", "OrganisationId", "PreferredLanguage", "IsPlatformAdmin", "CreatedAt"]))
        {
            Span<byte> stamp = stackalloc byte[20];
            for (var u = 0; u < _users.Length; u++)
            {
                var email = $"person{u + 1}@bench.agora.test";
                r.NextBytes(stamp);
                var culture = Culture(_userCulture[u]);
                users.Row(_users[u], email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true,
                    PasswordHash, Convert.ToHexString(stamp), NewGuid(r).ToString(), null, false, false, null,
                    true, 0, TextGenerator.Name(r, culture), null, culture, u == 0, Now - TimeSpan.FromDays(HistoryDays + r.NextDouble() * 365));
            }
        }

        // A personal access token per person (ideas:read ideas:write), so the load harness can vote and submit through
        // the API as many different people: TokenOf(n) for person n (1-based).
        await using (var tokens = open("ApiTokens", ["Id", "UserId", "Name", "Prefix", "Hash", "Scopes", "CreatedAt", "ExpiresAt", "RevokedAt", "LastUsedAt"]))
        {
            for (var u = 0; u < _users.Length; u++)
            {
                var token = TokenOf(u + 1);
                tokens.Row(NewGuid(r), _users[u], "bench", token[..12], ApiTokenAuthenticationHandler.Hash(token), "ideas:read ideas:write",
                    Now, Now.AddYears(50), null, null);
            }
        }

        await using (var hubs = open("Hubs", ["Id", "Slug", "Name", "Description", "Languages", "Region", "JoinPolicy", "LogoContentType", "Logo", "CreatedAt"]))
        {
            for (var h = 0; h < _hubs.Length; h++)
            {
                var culture = Culture(_hubCulture[h]);
                var region = TextGenerator.Region(r, culture);
                hubs.Row(_hubs[h], $"hub-{h + 1:D3}", $"Hub {region} {h + 1}", TextGenerator.Problem(r, culture),
                    h % 4 == 3 && culture != "en" ? $"{culture},en" : culture, region,
                    h % 5 == 4 ? JoinPolicy.Approval : JoinPolicy.Open, null, null, Now - TimeSpan.FromDays(HistoryDays + 400));
            }
        }

        await using var memberships = open("HubMemberships", ["HubId", "UserId", "Roles", "JoinedAt"]);
        for (var h = 0; h < _hubs.Length; h++)
        {
            foreach (var u in _members[h])
            {
                var roles = u == _hubManager[h] ? HubRoles.Member | HubRoles.HubManager : r.NextDouble() switch
                {
                    < 0.01 => HubRoles.Member | HubRoles.Facilitator,
                    < 0.03 => HubRoles.Member | HubRoles.Evaluator,
                    < 0.04 => HubRoles.Member | HubRoles.Mentor,
                    _ => HubRoles.Member,
                };
                memberships.Row(_hubs[h], _users[u], (int)roles, Now - TimeSpan.FromDays(HistoryDays + r.NextDouble() * 300));
            }
        }
    }

    /// <summary>k distinct members of a hub, none of them <paramref name="except"/>: a walk with a step coprime to the count.</summary>
    private static IEnumerable<int> Distinct(Random r, int[] members, int k, int except)
    {
        var m = members.Length;
        if (m == 0 || k <= 0) yield break;
        var step = 1;
        if (m > 2) do step = 1 + r.Next(m - 1); while (Gcd(step, m) != 1);
        var at = r.Next(m);
        for (var taken = 0; taken < m && k > 0; taken++, at = (at + step) % m)
        {
            if (members[at] == except) continue;
            k--;
            yield return members[at];
        }
    }

    private static int Gcd(int a, int b) { while (b != 0) (a, b) = (b, a % b); return a; }

    private async Task WriteCampaignsAsync(Func<string, string[], TableWriter> open)
    {
        var r = new Random(seed + 2);
        var followers = new int[_campaigns.Length][];
        for (var c = 0; c < _campaigns.Length; c++)
            followers[c] = Distinct(r, _members[_campaignHub[c]], _campaignState[c] == CampaignState.Draft ? 0 : r.Next(25), -1).ToArray();

        await using (var campaigns = open("Campaigns", ["Id", "HubId", "Slug", "Language", "Title", "Summary", "Description", "Driver", "Audience",
            "State", "Featured", "IdeasPerPerson", "VotesPerPerson", "CoverFileId", "CreatedById", "CreatedAt", "UpdatedAt", "IdeaCount", "FollowerCount"]))
        {
            for (var c = 0; c < _campaigns.Length; c++)
            {
                var hub = _campaignHub[c];
                var culture = Culture(_campaignCulture[c]);
                var created = Now - TimeSpan.FromDays(HistoryDays + r.NextDouble() * 60);
                campaigns.Row(_campaigns[c], _hubs[hub], $"campaign-{c + 1}", culture, TextGenerator.CampaignTitle(r, culture, c + 1),
                    TextGenerator.Solution(r, culture), $"{TextGenerator.Problem(r, culture)}\n\n{TextGenerator.Solution(r, culture)}",
                    r.Next(4) == 0 ? StrategicDriver.InnovateSector : StrategicDriver.InnovateOrganisation, _campaignAudience[c], _campaignState[c],
                    c < _hubs.Length, null, null, null, _users[_hubManager[hub]], created, created, _campaignIdeas[c], followers[c].Length);
            }
        }

        await using (var phases = open("CampaignPhases", ["CampaignId", "Kind", "Enabled", "StartsOn", "EndsOn", "CommentsEnabled", "ShowVoteCounts"]))
        {
            foreach (var campaign in _campaigns)
            {
                foreach (var kind in new[] { PhaseKind.Submission, PhaseKind.Voting, PhaseKind.Review })
                    phases.Row(campaign, kind, true, null, null, true, true);
            }
        }

        await using var follows = open("CampaignFollowers", ["CampaignId", "UserId", "FollowedAt"]);
        for (var c = 0; c < _campaigns.Length; c++)
        {
            foreach (var u in followers[c]) follows.Row(_campaigns[c], _users[u], Now - TimeSpan.FromDays(r.NextDouble() * HistoryDays));
        }
    }

    private (string Title, string Problem, string Solution, string Benefits) IdeaText(int idea)
    {
        var r = IdeaRandom(idea, 1);
        var culture = Culture(_ideaCulture[idea]);
        return (TextGenerator.IdeaTitle(r, culture), TextGenerator.Problem(r, culture), TextGenerator.Solution(r, culture), TextGenerator.Benefits(r, culture));
    }

    private async Task WriteIdeasAsync(Func<string, string[], TableWriter> open)
    {
        var r = new Random(seed + 3);
        await using (var ideas = open("Ideas", ["Id", "HubId", "CampaignId", "AuthorId", "Language", "Title", "Problem", "Solution", "Benefits",
            "Beneficiaries", "Origin", "CareLevel", "Setting", "FocusAreaId", "Anonymous", "State", "Answer", "MergedIntoId", "HiddenAt",
            "HiddenReason", "CreatedAt", "PublishedAt", "UpdatedAt", "LastActivityAt", "VoteCount", "CommentCount", "FollowerCount", "Version"]))
        {
            for (var i = 1; i <= sizes.Ideas; i++)
            {
                var campaign = _ideaCampaign[i];
                var (title, problem, solution, benefits) = IdeaText(i);
                var draft = _ideaState[i] == IdeaState.Draft;
                ideas.Row(i, _hubs[_campaignHub[campaign]], _campaigns[campaign], _users[_ideaAuthor[i]], Culture(_ideaCulture[i]), title, problem, solution, benefits,
                    1 + r.Next(31), (IdeaOrigin)r.Next(6), (CareLevel)r.Next(4), (CareSetting)r.Next(3), r.Next(6) is var f && f == 0 ? null : f,
                    r.Next(20) == 0, _ideaState[i], null, null, null,
                    null, _ideaCreated[i], draft ? null : _ideaPublished[i], draft ? _ideaCreated[i] : _ideaPublished[i], _ideaLastActivity[i],
                    _ideaVotes[i], _ideaComments[i], draft ? 0 : 1, 1);
            }
        }

        // The history the lifecycle writes: publication, then each triage step, by the hub's manager.
        await using (var events = open("IdeaEvents", ["Id", "IdeaId", "FromState", "ToState", "Answer", "RelatedIdeaId", "ActorId", "OccurredAt"]))
        {
            long id = 0;
            for (var i = 1; i <= sizes.Ideas; i++)
            {
                var state = _ideaState[i];
                if (state == IdeaState.Draft) continue;
                var manager = _users[_hubManager[_campaignHub[_ideaCampaign[i]]]];
                events.Row(++id, i, IdeaState.Draft, IdeaState.Published, null, null, _users[_ideaAuthor[i]], _ideaPublished[i]);
                IdeaState[] path = state switch
                {
                    IdeaState.UnderReview => [IdeaState.UnderReview],
                    IdeaState.Accepted => [IdeaState.UnderReview, IdeaState.Accepted],
                    IdeaState.Declined => [IdeaState.UnderReview, IdeaState.Declined],
                    IdeaState.Implemented => [IdeaState.UnderReview, IdeaState.Accepted, IdeaState.Implemented],
                    IdeaState.Withdrawn => [IdeaState.Withdrawn],
                    _ => [],
                };
                var from = IdeaState.Published;
                var at = _ideaPublished[i];
                foreach (var to in path)
                {
                    at = Between(r, at, _ideaLastActivity[i]);
                    events.Row(++id, i, from, to, null, null, to == IdeaState.Withdrawn ? _users[_ideaAuthor[i]] : manager, at);
                    from = to;
                }
            }
        }

        // Publishing makes the author follow the idea.
        await using var followers = open("IdeaFollowers", ["IdeaId", "UserId", "FollowedAt"]);
        for (var i = 1; i <= sizes.Ideas; i++)
        {
            if (_ideaState[i] != IdeaState.Draft) followers.Row(i, _users[_ideaAuthor[i]], _ideaPublished[i]);
        }
    }

    private async Task WriteVotesAsync(Func<string, string[], TableWriter> open)
    {
        await using var votes = open("Votes", ["IdeaId", "UserId", "CampaignId", "CastAt"]);
        for (var i = 1; i <= sizes.Ideas; i++)
        {
            if (_ideaVotes[i] == 0) continue;
            var r = IdeaRandom(i, 2);
            var campaign = _ideaCampaign[i];
            var written = 0;
            foreach (var u in Distinct(r, _members[_campaignHub[campaign]], _ideaVotes[i], _ideaAuthor[i]))
            {
                votes.Row(i, _users[u], _campaigns[campaign], Between(r, _ideaPublished[i], _ideaLastActivity[i]));
                written++;
            }
            if (written != _ideaVotes[i]) throw new InvalidOperationException($"Idea {i}: {written} votes for a count of {_ideaVotes[i]}.");
        }
    }

    private readonly record struct GeneratedComment(long Id, long? ParentId, int Author, string Body, DateTimeOffset CreatedAt, int Replies);

    /// <summary>The comments of one idea, the same on every call: two levels, replies after their parent.</summary>
    private List<GeneratedComment> CommentsOf(int idea, long firstId, List<GeneratedComment> into)
    {
        into.Clear();
        var count = _ideaComments[idea];
        if (count == 0) return into;
        var r = IdeaRandom(idea, 3);
        var culture = Culture(_ideaCulture[idea]);
        var members = _members[_campaignHub[_ideaCampaign[idea]]];
        var topLevel = new List<int>();
        var span = _ideaLastActivity[idea] - _ideaPublished[idea];
        for (var k = 0; k < count; k++)
        {
            long? parent = null;
            if (topLevel.Count > 0 && r.NextDouble() < 0.3)
            {
                var p = topLevel[r.Next(topLevel.Count)];
                parent = into[p].Id;
                into[p] = into[p] with { Replies = into[p].Replies + 1 };
            }
            else
            {
                topLevel.Add(k);
            }
            var author = r.Next(8) == 0 ? _ideaAuthor[idea] : members[r.Next(members.Length)];
            into.Add(new GeneratedComment(firstId + k, parent, author, TextGenerator.Comment(r, culture),
                _ideaPublished[idea] + span * ((k + 1.0) / count), 0));
        }
        return into;
    }

    private async Task WriteCommentsAsync(Func<string, string[], TableWriter> open)
    {
        await using var comments = open("Comments", ["Id", "IdeaId", "ParentId", "AuthorId", "Body", "BodyHtml", "CreatedAt", "EditedAt",
            "DeletedAt", "HiddenAt", "HiddenReason", "IsOfficial", "ReplyCount"]);
        var list = new List<GeneratedComment>();
        long next = 1;
        for (var i = 1; i <= sizes.Ideas; i++)
        {
            foreach (var c in CommentsOf(i, next, list))
            {
                comments.Row(c.Id, i, c.ParentId, _users[c.Author], c.Body, $"<p>{WebUtility.HtmlEncode(c.Body)}</p>", c.CreatedAt,
                    null, null, null, null, false, c.Replies);
            }
            next += _ideaComments[i];
        }
    }

    private async Task WriteSearchDocumentsAsync(Func<string, string[], TableWriter> open)
    {
        await using var docs = open("SearchDocuments", ["RowId", "Kind", "TargetId", "HubId", "IdeaId", "Language", "Title", "Body"]);
        long row = 0;
        for (var i = 1; i <= sizes.Ideas; i++)
        {
            var culture = Culture(_ideaCulture[i]);
            var (title, problem, solution, benefits) = IdeaText(i);
            docs.Row(++row, SearchKinds.Idea, (long)i, _hubs[_campaignHub[_ideaCampaign[i]]], i, culture,
                TextAnalyzer.Document(title, culture), TextAnalyzer.Document($"{problem}\n{solution}\n{benefits}", culture));
        }
        var list = new List<GeneratedComment>();
        long next = 1;
        for (var i = 1; i <= sizes.Ideas; i++)
        {
            var culture = Culture(_ideaCulture[i]);
            var hub = _hubs[_campaignHub[_ideaCampaign[i]]];
            foreach (var c in CommentsOf(i, next, list))
                docs.Row(++row, SearchKinds.Comment, c.Id, hub, i, culture, "", TextAnalyzer.Document(c.Body, culture));
            next += _ideaComments[i];
        }
    }
}
