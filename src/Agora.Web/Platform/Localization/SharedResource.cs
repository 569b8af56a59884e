namespace Agora.Web;

/// <summary>Marker for Resources/SharedResource.*.resx: text every area shares.</summary>
public sealed class SharedResource;
