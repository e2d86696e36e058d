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
    public static ulong Draw(string seed, string applicationId)
    {
        Span<byte> hash = stackalloc byte[32];
        var input = Encoding.UTF8.GetBytes(seed + "\0" + applicationId);
        SHA256.HashData(input, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    public static string Format(ulong draw) => draw.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
