using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Agora.Tests.Features.Accounts;

/// <summary>
/// Sign-in through an OpenID Connect provider, end to end through the real handler, with a stub provider
/// inside the test: authorization code with PKCE, form_post callback, signed id_token, userinfo.
/// </summary>
/// <remarks>
/// One Agora with OpenID Connect per database provider serves every test of the class (starting one costs seconds);
/// each test signs in its own people, so the tests do not meet.
/// </remarks>
[Collection(AppsCollection.Name)]
public sealed class ExternalSignInTests(AgoraApps apps, ExternalSignInTests.OidcApps oidc) : IClassFixture<ExternalSignInTests.OidcApps>
{
    /// <summary>The class's Agora with OpenID Connect per provider, started on first use and stopped after the class.</summary>
    public sealed class OidcApps : IAsyncDisposable
    {
        private readonly Dictionary<string, OidcApp> _apps = [];
        private readonly Lock _lock = new();

        internal OidcApp Get(string provider)
        {
            lock (_lock)
            {
                if (!_apps.TryGetValue(provider, out var app)) _apps[provider] = app = OidcApp.Start(provider);
                return app;
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var app in _apps.Values) await app.DisposeAsync();
        }
    }

    [Theory, BothDatabases]
    public async Task ExternalSignIn_NewPersonWithVerifiedEmail_ConfirmedAccountSignedInAndAudited(string provider)
    {
        var app = oidc.Get(provider);
        var person = new ExternalPerson($"sub-{Guid.NewGuid():N}", $"eid-{Guid.NewGuid():N}@example.org", EmailVerified: true, "Eva Eid");
        var browser = app.NewBrowser();

        var (signInPage, signInDoc) = await browser.GetAsync("/account/signin");
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.Equal($"Sign in with {OidcApp.DisplayName}", signInDoc.QuerySelector(ExternalForm + " button")!.TextContent.Trim());

        var done = await SignInExternallyAsync(browser, app.Idp, person);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/", done.Headers.Location!.OriginalString);

        var me = await browser.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(person.Email, me.GetProperty("email").GetString());
        Assert.Equal(person.Name, me.GetProperty("displayName").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == person.Email);
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        var login = await db.UserLogins.SingleAsync(l => l.UserId == user.Id);
        Assert.Equal((AuthSetup.ExternalScheme, person.Subject), (login.LoginProvider, login.ProviderKey));
        var trail = await db.AuditEvents.Where(e => e.ActorId == user.Id).OrderBy(e => e.Id).Select(e => new { e.Action, e.Details, e.ActorEmail }).ToListAsync();
        Assert.Equal(new (string, string?)[] { (AuditActions.Registered, AuthSetup.ExternalScheme), (AuditActions.SignInSucceeded, "external") },
            trail.Select(e => (e.Action, e.Details)).ToArray());
        Assert.All(trail, e => Assert.Equal(person.Email, e.ActorEmail));
    }

    [Theory, BothDatabases]
    public async Task ExternalSignIn_SameSubjectAgain_SignsIntoSameAccount(string provider)
    {
        var app = oidc.Get(provider);
        var person = new ExternalPerson($"sub-{Guid.NewGuid():N}", $"again-{Guid.NewGuid():N}@example.org", EmailVerified: true, "Ola Again");
        Assert.Equal(HttpStatusCode.Redirect, (await SignInExternallyAsync(app.NewBrowser(), app.Idp, person)).StatusCode);

        // Another browser, another day: the provider's subject finds the account.
        var laterBrowser = app.NewBrowser();
        var again = await SignInExternallyAsync(laterBrowser, app.Idp, person);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var me = await laterBrowser.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(person.Email, me.GetProperty("email").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == person.Email);
        Assert.Equal(user.Id, me.GetProperty("id").GetGuid());
        Assert.Equal(1, await db.UserLogins.CountAsync(l => l.ProviderKey == person.Subject));
        var actions = await db.AuditEvents.Where(e => e.ActorId == user.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(1, actions.Count(a => a == AuditActions.Registered));
        Assert.Equal(2, actions.Count(a => a == AuditActions.SignInSucceeded));
    }

    [Theory, BothDatabases]
    public async Task ExternalSignIn_UnverifiedEmail_RefusedWithoutAccount(string provider)
    {
        var app = oidc.Get(provider);
        var person = new ExternalPerson($"sub-{Guid.NewGuid():N}", $"unverified-{Guid.NewGuid():N}@example.org", EmailVerified: false, "Una Verified");
        var browser = app.NewBrowser();

        var refused = await SignInExternallyAsync(browser, app.Idp, person);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var doc = PageClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("The provider did not give a verified email address, so no account could be linked.", doc.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/v1/me")).StatusCode);

        // The same refusal in the person's language.
        var norwegian = app.NewBrowser();
        norwegian.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nb-NO");
        var refusedInNorwegian = await SignInExternallyAsync(norwegian, app.Idp, person);
        Assert.Contains("Leverandøren oppga ingen bekreftet e-postadresse",
            PageClient.Parse(await refusedInNorwegian.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == person.Email));
        Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey == person.Subject));
    }

    [Theory, BothDatabases]
    public async Task ExternalSignIn_ExistingAccountVerifiedEmail_LinkedAndSignedIn(string provider)
    {
        var app = oidc.Get(provider);
        var person = new ExternalPerson($"sub-{Guid.NewGuid():N}", DemoAccounts.Member, EmailVerified: true, "Someone Else Entirely");
        var browser = app.NewBrowser();

        var done = await SignInExternallyAsync(browser, app.Idp, person);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var me = await browser.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(DemoAccounts.Member, me.GetProperty("email").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var member = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Member);
        Assert.Equal(member.Id, me.GetProperty("id").GetGuid());
        // Linking keeps the account as it was: its name and password stay.
        Assert.NotEqual(person.Name, member.DisplayName);
        Assert.NotNull(member.PasswordHash);
        Assert.Equal(member.Id, (await db.UserLogins.SingleAsync(l => l.ProviderKey == person.Subject)).UserId);
        var actions = await db.AuditEvents.Where(e => e.ActorId == member.Id).Select(e => e.Action).ToListAsync();
        Assert.DoesNotContain(AuditActions.Registered, actions);
        Assert.Contains(AuditActions.SignInSucceeded, actions);
    }

    [Theory, BothDatabases]
    public async Task ExternalSignIn_ExistingUnconfirmedAccount_NotLinked(string provider)
    {
        var app = oidc.Get(provider);
        var email = $"squatted-{Guid.NewGuid():N}@example.org";
        // Someone registers the address with a password of their choosing and never confirms it.
        var squatter = app.NewBrowser();
        var registered = await squatter.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Not The Owner", ["Input.Email"] = email,
            ["Input.Password"] = "correct horse battery staple", ["Input.ConfirmPassword"] = "correct horse battery staple",
        });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        var person = new ExternalPerson($"sub-{Guid.NewGuid():N}", email, EmailVerified: true, "The Real Owner");
        var browser = app.NewBrowser();
        var refused = await SignInExternallyAsync(browser, app.Idp, person);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The external sign-in did not succeed.", PageClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/v1/me")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey == person.Subject));
    }

    [Theory, BothDatabases]
    public async Task ExternalSignIn_ExistingTwoFactorAccount_AsksForTheCode(string provider)
    {
        var app = oidc.Get(provider);
        var person = new ExternalPerson($"sub-{Guid.NewGuid():N}", DemoAccounts.Manager, EmailVerified: true, "Manager Eid");
        var browser = app.NewBrowser();

        var callback = await SignInExternallyAsync(browser, app.Idp, person);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var twoFactor = callback.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/signin/two-factor", twoFactor);
        // Not signed in before the second factor.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/v1/me")).StatusCode);

        // The only test that signs the manager in on this server, so the current code has not been used here.
        var code = Agora.Browser.Tests.Totp.Code(DemoAccounts.TotpKey, DateTimeOffset.UtcNow);
        var answered = await browser.SubmitAsync(twoFactor, new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var me = await browser.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(DemoAccounts.Manager, me.GetProperty("email").GetString());
    }

    [Theory, BothDatabases]
    public async Task ExternalSignIn_EnabledOrNot_CspAndPagesFollowTheSetting(string provider)
    {
        {
            var app = oidc.Get(provider);
            var (page, _) = await app.NewBrowser().GetAsync("/account/signin");
            var formAction = page.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("form-action ", StringComparison.Ordinal));
            Assert.Equal($"form-action 'self' {OidcApp.Authority}", formAction);
        }

        var plain = new PageClient((await apps.GetAsync(provider)).NewClient());
        var (plainPage, plainDoc) = await plain.GetAsync("/account/signin");
        Assert.Contains("form-action 'self';", plainPage.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain(OidcApp.Authority, plainPage.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Null(plainDoc.QuerySelector(ExternalForm));
        Assert.Equal(HttpStatusCode.NotFound, (await plain.Client.GetAsync("/account/external")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await plain.Client.GetAsync("/account/external?handler=callback")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await plain.PostWithTokenAsync("/account/signin", "/account/external", [])).StatusCode);
    }

    private const string ExternalForm = "form[action='/account/external']";

    /// <summary>
    /// Presses the external button, plays the provider's part (the person signs in there and the browser
    /// posts the code back), and returns the answer of Agora's callback page.
    /// </summary>
    private static async Task<HttpResponseMessage> SignInExternallyAsync(PageClient browser, StubProvider idp, ExternalPerson person)
    {
        var challenge = await browser.SubmitAsync("/account/signin", new Dictionary<string, string>(), ExternalForm);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.Equal(idp.Configuration.AuthorizationEndpoint, authorize.GetLeftPart(UriPartial.Path));

        var (code, state) = idp.Authorize(authorize, person);
        var posted = await browser.Client.PostAsync("/signin-oidc", new FormUrlEncodedContent([new("code", code), new("state", state)]));
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect,
            $"/signin-oidc answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        var callback = new Uri(browser.Client.BaseAddress!, posted.Headers.Location!);
        Assert.Equal("/account/external", callback.AbsolutePath);
        Assert.Equal("callback", QueryHelpers.ParseQuery(callback.Query)["handler"].ToString(), ignoreCase: true);
        return await browser.Client.GetAsync(callback);
    }

    /// <summary>Agora with OpenID Connect switched on, its handler talking to <see cref="StubProvider"/>.</summary>
    internal sealed class OidcApp : IAsyncDisposable
    {
        public const string Authority = "https://eid.test.example";
        public const string ClientId = "agora-test";
        public const string ClientSecret = "agora-test-secret";
        public const string DisplayName = "Test eID";

        private readonly AgoraFactory _factory;
        private readonly WebApplicationFactory<Program> _app;

        public StubProvider Idp { get; } = new(Authority, ClientId, ClientSecret);
        public IServiceProvider Services => _app.Services;

        private OidcApp(string provider)
        {
            _factory = new AgoraFactory(provider, new Dictionary<string, string?>
            {
                ["Authentication:OpenIdConnect:Enabled"] = "true",
                ["Authentication:OpenIdConnect:Authority"] = Authority,
                ["Authentication:OpenIdConnect:ClientId"] = ClientId,
                ["Authentication:OpenIdConnect:ClientSecret"] = ClientSecret,
                ["Authentication:OpenIdConnect:DisplayName"] = DisplayName,
            });
            // Registered after the handler's own OpenIdConnectPostConfigureOptions, so this wins: a fixed
            // configuration instead of fetching the discovery document, and the stub as the back channel.
            _app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.PostConfigure<OpenIdConnectOptions>(AuthSetup.ExternalScheme, o =>
            {
                o.Configuration = Idp.Configuration;
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(Idp.Configuration);
                o.Backchannel = new HttpClient(Idp, disposeHandler: false);
            })));
        }

        public static OidcApp Start(string provider)
        {
            var app = new OidcApp(provider);
            _ = app._app.Server; // migrations and demo seeding run here
            return app;
        }

        /// <summary>
        /// A browser on https: the handler's correlation and nonce cookies are always Secure (SameSite=None),
        /// so a browser only sends them back over https.
        /// </summary>
        public PageClient NewBrowser() => new(_app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        }));

        public async ValueTask DisposeAsync()
        {
            await _app.DisposeAsync();
            await _factory.DisposeAsync();
            Idp.Dispose();
        }
    }
}

/// <summary>Who the stub provider says signed in.</summary>
internal sealed record ExternalPerson(string Subject, string Email, bool EmailVerified, string Name);

/// <summary>
/// A minimal OpenID Connect provider: <see cref="Authorize"/> plays the authorization endpoint (the person
/// signs in there), and as the handler's back channel it answers the token and userinfo endpoints.
/// It checks what a real provider checks: client secret, redirect URI, one use per code, PKCE.
/// </summary>
internal sealed class StubProvider : HttpMessageHandler
{
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly SigningCredentials _signing;
    private readonly Dictionary<string, Grant> _codes = [];
    private readonly Dictionary<string, ExternalPerson> _accessTokens = [];
    private readonly Lock _lock = new();

    private sealed record Grant(ExternalPerson Person, string Nonce, string RedirectUri, string CodeChallenge);

    public OpenIdConnectConfiguration Configuration { get; }

    public StubProvider(string issuer, string clientId, string clientSecret)
    {
        _clientId = clientId;
        _clientSecret = clientSecret;
        var key = new RsaSecurityKey(_rsa) { KeyId = "stub-key" };
        _signing = new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
        Configuration = new OpenIdConnectConfiguration
        {
            Issuer = issuer,
            AuthorizationEndpoint = issuer + "/authorize",
            TokenEndpoint = issuer + "/token",
            UserInfoEndpoint = issuer + "/userinfo",
        };
        Configuration.SigningKeys.Add(key);
    }

    /// <summary>Checks the authorization request Agora redirected to and returns the code and state to post back.</summary>
    public (string Code, string State) Authorize(Uri request, ExternalPerson person)
    {
        var q = QueryHelpers.ParseQuery(request.Query);
        Assert.Equal(_clientId, q["client_id"].ToString());
        Assert.Equal("code", q["response_type"].ToString());
        Assert.Equal("form_post", q["response_mode"].ToString());
        Assert.Equal("https://localhost/signin-oidc", q["redirect_uri"].ToString());
        Assert.Equal(["openid", "profile", "email"], q["scope"].ToString().Split(' '));
        Assert.Equal("S256", q["code_challenge_method"].ToString());
        foreach (var required in new[] { "state", "nonce", "code_challenge" }) Assert.False(string.IsNullOrEmpty(q[required]), $"no {required}");

        var code = Guid.NewGuid().ToString("N");
        lock (_lock) _codes[code] = new Grant(person, q["nonce"]!, q["redirect_uri"]!, q["code_challenge"]!);
        return (code, q["state"]!);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.GetLeftPart(UriPartial.Path);
        if (request.Method == HttpMethod.Post && url == Configuration.TokenEndpoint)
            return Token(QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken)));
        if (request.Method == HttpMethod.Get && url == Configuration.UserInfoEndpoint)
            return UserInfo(request.Headers.Authorization);
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private HttpResponseMessage Token(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form)
    {
        Grant? grant;
        lock (_lock)
        {
            // A code is good for one redemption.
            if (!_codes.Remove(form["code"].ToString(), out grant)) return OAuthError("invalid_grant");
        }
        if (form["grant_type"] != "authorization_code" || form["client_id"] != _clientId || form["client_secret"] != _clientSecret)
            return OAuthError("invalid_client");
        if (form["redirect_uri"] != grant.RedirectUri) return OAuthError("invalid_grant");
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != grant.CodeChallenge) return OAuthError("invalid_grant");

        var accessToken = Guid.NewGuid().ToString("N");
        lock (_lock) _accessTokens[accessToken] = grant.Person;
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Configuration.Issuer,
            Audience = _clientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = _signing,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = grant.Person.Subject,
                ["nonce"] = grant.Nonce,
                ["email"] = grant.Person.Email,
                ["email_verified"] = grant.Person.EmailVerified,
                ["name"] = grant.Person.Name,
            },
        });
        return Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private HttpResponseMessage UserInfo(AuthenticationHeaderValue? authorization)
    {
        ExternalPerson? person;
        lock (_lock)
        {
            if (authorization is not { Scheme: "Bearer", Parameter: { } token } || !_accessTokens.TryGetValue(token, out person))
                return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }
        return Json(new { sub = person.Subject, email = person.Email, email_verified = person.EmailVerified, name = person.Name });
    }

    private static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK) { Content = JsonContent.Create(body) };

    private static HttpResponseMessage OAuthError(string error) => new(HttpStatusCode.BadRequest) { Content = JsonContent.Create(new { error }) };

    protected override void Dispose(bool disposing)
    {
        if (disposing) _rsa.Dispose();
        base.Dispose(disposing);
    }
}
