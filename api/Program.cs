using PetitionGraph.Api.Cli;
using PetitionGraph.Api.Hosting;

var cli = new CliArguments(args);
if (cli.Verb is not null && await CliVerbs.AnswerWithoutServicesAsync(cli, Console.Out) is { } answered)
{
    return answered;
}
try
{
    var app = cli.Verb is null ? PetitionGraphApp.Build(args) : PetitionGraphApp.Build([], CliVerbs.QuietLogs);
    if (cli.Verb is not null)
    {
        // Disposed before the process exits, so whatever the verb started (hosted services, connections) stops with it.
        await using (app)
        {
            return await CliVerbs.RunAsync(app.Services, cli, Console.Out, CancellationToken.None);
        }
    }
    app.RequireTokenSetup();
    await app.InitializeDatabaseAsync();
    await app.PrintDemoTokensAsync();
    await app.WarmUpAsync();
    app.AnnounceEndpointsOnStart();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is StartupException || cli.Verb is not null || PetitionGraph.Api.Data.DatabaseOutage.IsUnavailable(e))
{
    // One line an operator can act on, never a stack trace: a setting to add, a database to start, a file to fix.
    var reason = e.GetBaseException().Message;
    await Console.Error.WriteLineAsync(PetitionGraph.Api.Data.DatabaseOutage.IsUnavailable(e)
        ? cli.Say(new PetitionGraph.Api.Language.Msg($"无法连接数据库：{reason}", $"The database cannot be reached: {reason}"))
        : e is StartupException startup ? cli.Say(startup.Text) : e.Message);
    return 1;
}
