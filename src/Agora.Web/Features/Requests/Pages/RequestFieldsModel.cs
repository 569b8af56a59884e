using System.Text.Json.Nodes;

namespace Agora.Web.Features.Requests.Pages;

/// <summary>What the form partial (<c>_RequestFields</c>) renders: the form, the answers so far, and the documents attached.</summary>
public sealed record RequestFieldsModel(RequestForm Form, JsonObject Answers, IReadOnlyList<FileView> Files)
{
    /// <summary>The control's id for a posted name: dots become underscores, as the error summary links them.</summary>
    public static string Id(string name) => Platform.Http.PageSupport.FieldId(name);

    public static string Culture => System.Globalization.CultureInfo.CurrentUICulture.Name;
}

/// <summary>One field of the form partial: its definition, the name it posts under, and the answers it reads from (a group's row inside groups).</summary>
public sealed record RequestFieldView(RequestField Field, string Name, JsonObject Scope, RequestFieldsModel Form);

/// <summary>A list of requests as a table (<c>_RequestTable</c>): with the applicant for the hub's side, with the hub for one's own.</summary>
public sealed record RequestTable(IReadOnlyList<RequestSummary> Items, bool ShowApplicant, string Caption);
