using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Cases;

public sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.Property(ev => ev.Note).HasMaxLength(4000);
        builder.HasIndex(ev => new { ev.CaseId, ev.At });
        builder.HasIndex(ev => new { ev.Kind, ev.At });

    }
}
