using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Access;

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.KeyHash).HasMaxLength(64);
        builder.Property(c => c.Scopes).HasMaxLength(200);
        builder.HasIndex(c => c.KeyHash).IsUnique();
        builder.HasIndex(c => c.Name).IsUnique();

    }
}
