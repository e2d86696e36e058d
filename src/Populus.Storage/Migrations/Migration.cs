using System.Data.Common;
using Populus.Storage.Engines;

namespace Populus.Storage.Migrations;

/// <summary>
/// One step of the schema, applied once, in version order, inside its own transaction together with its row in
/// schema_version: a step is either wholly applied or not at all.
/// </summary>
internal abstract class Migration
{
    /// <summary>The schema version after this step; versions are 1, 2, 3 … without gaps.</summary>
    public abstract int Version { get; }

    /// <summary>What the step does, stored in schema_version.</summary>
    public abstract string Description { get; }

    public abstract void Apply(Engine engine, DbConnection connection, DbTransaction transaction);
}
