using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agora.Tests.Infrastructure.ApiClient;

/// <summary>
/// Hand-written half of the generated client (AgoraApiClient.cs is generated, see OpenApiTests): the API writes enums
/// as their names (JsonStringEnumConverter in AgoraSetup), and the document's enum schemas list those names.
/// </summary>
public partial class AgoraApiClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => settings.Converters.Add(new JsonStringEnumConverter());
}
