using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.Risk;
using Governance.Contracts.V1;

namespace Governance.Gateway.Mapping;

/// <summary>Registered model versions to their proto messages.</summary>
public static class RiskMapping
{
    public static ModelVersion ToProto(this RiskModelRecord record, long activeVersion)
    {
        ArgumentNullException.ThrowIfNull(record);
        var upload = record.Upload;
        return new ModelVersion
        {
            Version = record.Version,
            RegisteredAt = Timestamp.FromDateTimeOffset(record.RegisteredAt),
            RegisteredBy = upload.RegisteredBy,
            Trainer = upload.Trainer,
            DataFingerprint = upload.DataFingerprint,
            Metrics = new ModelMetrics
            {
                Auc = upload.Metrics.Auc,
                PrAuc = upload.Metrics.PrAuc,
                Brier = upload.Metrics.Brier,
                CalibrationError = upload.Metrics.CalibrationError,
                TrainingRows = upload.Metrics.TrainingRows,
                TestRows = upload.Metrics.TestRows,
            },
            Threshold = upload.Threshold,
            Note = upload.Note,
            SizeBytes = record.SizeBytes,
            Sha256 = record.Sha256,
            Active = record.Version == activeVersion,
        };
    }
}
