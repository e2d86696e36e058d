using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Populus.Services.Allocation;

/// <summary>
/// The lottery that breaks the last ties: each application's draw is the first 8 bytes (big-endian) of
/// SHA-256(seed ‖ 0x00 ‖ application id), lowest first. The seed is published with the result, so anyone can
/// recompute every draw; a draw depends only on the seed and the application's own id, not on the order of the file
/// or on other applicants.
/// </summary>
/// <remarks>
/// Publishing a seed chosen after the applications are known would let the chooser try seeds; the seed is fixed
/// before the round closes (e.g. from a public event) and recorded with the run.
/// </remarks>
public static class SeededLottery
{
    public static ulong Draw(string seed, string applicationId) => Draws(seed, [applicationId])[0];

    /// <summary>The draws of many applications; the seed is encoded once and no buffer is allocated per draw.</summary>
    public static ulong[] Draws(string seed, IReadOnlyList<string> applicationIds)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(applicationIds);
        var prefix = Encoding.UTF8.GetBytes(seed + "\0");
        var buffer = new byte[prefix.Length + 256];
        prefix.CopyTo(buffer, 0);
        Span<byte> hash = stackalloc byte[32];
        var draws = new ulong[applicationIds.Count];
        for (var i = 0; i < draws.Length; i++)
        {
            var id = applicationIds[i];
            var needed = prefix.Length + Encoding.UTF8.GetMaxByteCount(id.Length);
            if (needed > buffer.Length)
            {
                Array.Resize(ref buffer, needed);
            }

            var length = prefix.Length + Encoding.UTF8.GetBytes(id, buffer.AsSpan(prefix.Length));
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            draws[i] = BinaryPrimitives.ReadUInt64BigEndian(hash);
        }

        return draws;
    }

    public static string Format(ulong draw) => draw.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
