using Governance.Contracts.Risk;

namespace Governance.Grains.Storage;

/// <summary>
/// Model versions with their files, and the promotions and rollbacks, append-only, so the history of what scored when
/// is kept (<see cref="RiskPromotions"/> works out the active version from it).
/// </summary>
public interface IRiskModelStore
{
    /// <summary>Stores the file as the next version.</summary>
    Task<RiskModelRecord> AddAsync(RiskModelUpload upload, byte[] file, string sha256, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Every version, newest first, without files.</summary>
    Task<IReadOnlyList<RiskModelRecord>> ListAsync(CancellationToken cancellationToken = default);

    Task<RiskModelRecord?> GetAsync(long version, CancellationToken cancellationToken = default);

    Task<byte[]?> ReadFileAsync(long version, CancellationToken cancellationToken = default);

    /// <summary>Records a promotion of a stored version, or a rollback to it.</summary>
    Task AddPromotionAsync(RiskPromotion promotion, CancellationToken cancellationToken = default);

    /// <summary>Every promotion and rollback, oldest first.</summary>
    Task<IReadOnlyList<RiskPromotion>> PromotionsAsync(CancellationToken cancellationToken = default);
}
