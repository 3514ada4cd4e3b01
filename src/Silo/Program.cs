using Governance.Silo.Hosting;

if (args is [TokenCommand.Verb, .. var tokenArgs])
{
    return TokenCommand.Run(tokenArgs, Console.Out, Console.Error);
}

if (args is [StandaloneGatewayApp.Verb, .. var gatewayArgs])
{
    var gateway = await StandaloneGatewayApp.BuildAsync(gatewayArgs);
    await gateway.RunAsync();
    return 0;
}

var app = await GovernanceApp.BuildAsync(args);
await app.RunAsync();
return 0;
