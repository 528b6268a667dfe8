using Microsoft.EntityFrameworkCore;

namespace PetitionGraph.Api.Data;

/// <summary>Production. Instants are <c>timestamp with time zone</c>; names are snake_case.</summary>
public sealed class PostgresPetitionDbContext(DbContextOptions<PostgresPetitionDbContext> options)
    : PetitionDbContext(options);
