using System.Text.Json;
using System.Text.Json.Serialization;
using Populus.Services.Points;

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
}
