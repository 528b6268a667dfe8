using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Leaders;

namespace PetitionGraph.Api.Teams;

/// <summary>专班: a task team — a leader at its head, leaders and staff as members, and the cases it works on.</summary>
public sealed class Team : IEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int HeadId { get; set; }
    public Leader? Head { get; set; }
    public bool Active { get; set; } = true;

    public List<TeamMember> Members { get; set; } = [];
    public List<Case> Cases { get; set; } = [];
}

/// <summary>A member of a team: a leader, or a member of staff by name (staff have no account of their own here).</summary>
public sealed class TeamMember : IEntity
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }
    public int? LeaderId { get; set; }
    public Leader? Leader { get; set; }
    public string? StaffName { get; set; }
}

public sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(64);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasOne(t => t.Head).WithMany().HasForeignKey(t => t.HeadId);
        builder.HasMany(t => t.Cases).WithOne(c => c.Team).HasForeignKey(c => c.TeamId);
    }
}

public sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.Property(m => m.StaffName).HasMaxLength(64);
        builder.HasOne(m => m.Team).WithMany(t => t.Members).HasForeignKey(m => m.TeamId);
        builder.HasOne(m => m.Leader).WithMany().HasForeignKey(m => m.LeaderId);
    }
}
