using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Agora.Tests.Infrastructure;

/// <summary>Drives the pages as a browser without JavaScript would: GET a form, POST it with its antiforgery token.</summary>
public sealed partial class PageClient(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, Parser.ParseDocument(html));
    }

    /// <summary>Posts the form that contains a field or button matching <paramref name="formSelector"/> on the page at <paramref name="url"/>.</summary>
    public Task<HttpResponseMessage> SubmitAsync(string url, IDictionary<string, string> fields, string formSelector = "main form[method=post]") =>
        SubmitAsync(url, fields, files: [], formSelector);

    /// <summary>
    /// Posts a form with repeated fields (checkbox groups) and files; multipart as a browser sends it when the form has files.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IEnumerable<KeyValuePair<string, string>> fields,
        IReadOnlyList<UploadFile> files, string formSelector = "main form[method=post]")
    {
        var (_, doc) = await GetAsync(url);
        var form = doc.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}");
        var given = fields.ToList();
        var names = given.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            if (!names.Contains(input.Name!)) values.Add(new(input.Name!, input.Value));
        }
        values.AddRange(given);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? url : action;
        if (files.Count == 0) return await client.PostAsync(target, new FormUrlEncodedContent(values));
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in values) multipart.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            multipart.Add(part, file.Field, file.FileName);
        }
        return await client.PostAsync(target, multipart);
    }

    public async Task<string> AntiforgeryTokenAsync(string url)
    {
        var (_, doc) = await GetAsync(url);
        return doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {url}");
    }

    public async Task<HttpResponseMessage> PostWithTokenAsync(string tokenPage, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await AntiforgeryTokenAsync(tokenPage);
        var values = fields.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in through the pages, answering the two-factor step when the account has it.</summary>
    public async Task SignInAsync(string email, string password, string? totpKey = null)
    {
        var response = await SubmitAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}: {ErrorsOf(await response.Content.ReadAsStringAsync())}");
        var location = response.Headers.Location!.OriginalString;
        if (location.Contains("/account/signin/two-factor", StringComparison.Ordinal))
        {
            if (totpKey is null) throw new InvalidOperationException($"{email} needs a two-factor code.");
            response = await SubmitAsync(location, new Dictionary<string, string> { ["Input.Code"] = Agora.Browser.Tests.Totp.Code(totpKey, DateTimeOffset.UtcNow) });
            if (response.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"Two-factor step of {email} answered {(int)response.StatusCode}: {ErrorsOf(await response.Content.ReadAsStringAsync())}");
        }
    }

    public static string ErrorsOf(string html)
    {
        var doc = Parser.ParseDocument(html);
        return string.Join(" | ", doc.QuerySelectorAll(".error-summary li, .field-error").Select(e => e.TextContent.Trim()));
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The newest link in the mail folder whose path starts with <paramref name="pathPrefix"/>.</summary>
    public static string LinkFromMail(string mailDirectory, string to, string pathPrefix)
    {
        var files = Directory.GetFiles(mailDirectory, "*.eml").OrderByDescending(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("To: " + to, StringComparison.OrdinalIgnoreCase)) continue;
            var match = Regex.Matches(text, @"https?://[^\s]+").Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal));
            if (match is not null) return match.PathAndQuery;
        }
        throw new InvalidOperationException($"No mail to {to} with a link to {pathPrefix}");
    }
}

/// <summary>A file a test uploads through a form.</summary>
public sealed record UploadFile(string Field, string FileName, string ContentType, byte[] Content);
