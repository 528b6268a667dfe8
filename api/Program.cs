using PetitionGraph.Api.Cli;
using PetitionGraph.Api.Hosting;

var cli = new CliArguments(args);
try
{
    var app = PetitionGraphApp.Build(cli.Verb is null ? args : []);
    if (cli.Verb is not null)
    {
        return await CliVerbs.RunAsync(app.Services, cli, Console.Out, CancellationToken.None);
    }
    app.RequireTokenSetup();
    await app.InitializeDatabaseAsync();
    await app.PrintDemoTokensAsync();
    await app.WarmUpAsync();
    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
