using Google.Protobuf;
using Governance.Contracts.V1;

namespace Governance.Contracts.Risk;

/// <summary>RiskService.RegisterModel from a client: the upload first, then the model file in chunks.</summary>
public static class ModelRegistration
{
    /// <summary>A chunk well under the server's limit per message.</summary>
    public const int ChunkBytes = 32 * 1024;

    /// <summary>
    /// Registers <paramref name="file"/> with its upload. When the server refuses a chunk it ends the call before the
    /// whole file is sent; the status it ended with (the reason, by field) is what this throws.
    /// </summary>
    public static async Task<ModelVersion> RegisterModelAsync(
        this RiskService.RiskServiceClient risk, ModelUpload upload, byte[] file, int chunkBytes = ChunkBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(file);
        using var call = risk.RegisterModel(cancellationToken: cancellationToken);
        try
        {
            await call.RequestStream.WriteAsync(new RegisterModelRequest { Upload = upload }, cancellationToken);
            for (var offset = 0; offset < file.Length; offset += chunkBytes)
            {
                await call.RequestStream.WriteAsync(new RegisterModelRequest { Chunk = ByteString.CopyFrom(file, offset, Math.Min(chunkBytes, file.Length - offset)) }, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is Grpc.Core.RpcException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The server ended the call early: awaiting the answer below throws its status.
        }

        return await call;
    }
}
