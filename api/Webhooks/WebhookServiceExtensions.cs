namespace PetitionGraph.Api.Webhooks;

public static class WebhookServiceExtensions
{
    public static IServiceCollection AddPetitionWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(WebhookOptions.From(configuration));
        // A receiver's redirect is a failed delivery, not a hop to somewhere the subscription did not name.
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
