namespace Agora.Web.Platform.Demo;

public static class DemoSetup
{
    public static void AddDemo(this WebApplicationBuilder builder)
    {
    }
}
