using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Http;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.GraphQL;

public static class GraphQLServiceExtensions
{
    /// <summary>The schema, its execution settings and the per-request services resolvers use.</summary>
    public static IServiceCollection AddPetitionGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(OfficeTime.From(configuration));
        services.AddSingleton(TimeLimits.From(configuration));
        services.AddSingleton(KeyClassRules.From(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<QueryContext>();
        services.AddScoped<LoaderCache>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<OperationSource>();
        services.AddSingleton<AutomaticPersistedQueries>();
        services.AddSingleton(Changes.Live.LiveOptions.From(configuration));
        services.AddSingleton<Changes.Live.ChangeNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<Changes.Live.ChangeNotifier>());
        var shortcuts = Hosting.Shortcuts.From(configuration);
        services.AddSingleton(shortcuts);
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<IConfigureExecution>(sp => sp.GetRequiredService<DocumentCache>());
        services.AddSingleton<IConfigureExecution, DocumentGuard>();
        foreach (var open in new[]
        {
            typeof(FilterInputType<>), typeof(ListFilterInputType<>), typeof(SortInputType<>),
            typeof(EnumOperationFilterInputType<>), typeof(EnumType<>), typeof(ConnectionType<,>), typeof(EdgeType<,>),
        })
        {
            services.AddTransient(open);
        }

        services.AddGraphQL(b => b
            .AddSchema<PetitionSchema>()
            .AddGraphTypes(typeof(PetitionSchema).Assembly)
            .AddSystemTextJson(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider<PetitionErrorInfoProvider>()
            .AddValidationRule<RoleRule>(useForCachedDocuments: true)
            .AddComplexityAnalyzer((complexity, sp) =>
            {
                // Depth is DocumentGuard's (it measures introspection on its own terms); introspection costs nothing
                // here: it is bounded by the schema, not the data, and DocumentGuard bounds its nesting.
                complexity.MaxDepth = null;
                complexity.MaxComplexity = sp.GetRequiredService<RequestLimits>().MaxComplexity;
                var standard = complexity.DefaultComplexityImpactDelegate;
                complexity.DefaultComplexityImpactDelegate = context =>
                    context.FieldAst.Name.StringValue is "__schema" or "__type" || context.ParentType?.Name.StartsWith("__", StringComparison.Ordinal) == true
                        ? new global::GraphQL.Validation.Complexity.FieldComplexityResult(0, 0)
                        : standard(context);
            })
            // One DbContext per request: run query fields one at a time; DataLoaders still batch each level.
            .AddExecutionStrategy(shortcuts.Enabled ? new Execution.QueryExecutionStrategy() : new global::GraphQL.Execution.SerialExecutionStrategy(),
                GraphQLParser.AST.OperationType.Query)
            // Each subscription event runs as a request of its own (scope, audit); see LiveExecutionStrategy.
            .AddExecutionStrategy(sp => new Changes.Live.LiveExecutionStrategy(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<AuditWriter>()),
                GraphQLParser.AST.OperationType.Subscription)
            .ConfigureExecutionOptions(options =>
            {
                // Every execution's resolvers reach their per-row services without the DI scope's lock.
                if (options.RequestServices is { } services and not Execution.RequestServices)
                {
                    options.RequestServices = new Execution.RequestServices(services);
                }
                var logger = options.RequestServices!.GetRequiredService<ILogger<PetitionSchema>>();
                var outage = options.RequestServices!.GetRequiredService<Data.DatabaseOutage>();
                options.UnhandledExceptionDelegate = context =>
                {
                    if (Data.DatabaseOutage.IsUnavailable(context.OriginalException))
                    {
                        outage.Failed(context.OriginalException); // logged once for the outage, not once per field
                    }
                    else if (!options.CancellationToken.IsCancellationRequested)
                    {
                        logger.LogError(context.OriginalException, "Unhandled error in GraphQL field {Field}", context.FieldContext?.FieldDefinition.Name);
                    }
                    return Task.CompletedTask;
                };
            }));
        if (shortcuts.Enabled)
        {
            services.Replace(ServiceDescriptor.Singleton<global::GraphQL.Validation.IDocumentValidator>(
                _ => new ArgumentValuesCache(new global::GraphQL.Validation.DocumentValidator())));
        }
        return services;
    }
}
