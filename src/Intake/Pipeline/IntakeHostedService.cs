using Microsoft.Extensions.Hosting;

namespace Governance.Intake.Pipeline;

/// <summary>Starts the pipeline after the silo (replaying the journal) and stops it before (draining and checkpointing).</summary>
public sealed class IntakeHostedService(IntakePipeline pipeline) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => pipeline.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => pipeline.StopAsync();
}
