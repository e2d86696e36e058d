using System.Text.Json;
using System.Text.Json.Serialization;
using Populus.Services.Points;
using Populus.Storage.Services;

namespace Populus.Services.Applications;

/// <summary>The stored form of <see cref="PointsFacts"/>: JSON with snake_case names and codes, as in the data files.</summary>
public static class FactsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write(PointsFacts facts) => JsonSerializer.Serialize(facts, Options);

    public static PointsFacts Read(string json) =>
        JsonSerializer.Deserialize<PointsFacts>(json, Options) ?? throw new JsonException("empty facts");

    /// <summary>
    /// The applications' effective facts (<see cref="ApplicationRecord.EffectiveFacts"/>: the latest upheld
    /// correction's, else those submitted) as scored: by a round's scoring, allocation, its verification and simulation.
    /// </summary>
    public static ApplicantTable Applicants(IReadOnlyList<ApplicationRecord> applications) =>
        ApplicantTable.From([.. applications.Select(a => (a.ApplicationId, Read(a.EffectiveFacts)))]);
}
