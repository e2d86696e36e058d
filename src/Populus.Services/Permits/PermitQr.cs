using QRCoder;

namespace Populus.Services.Permits;

/// <summary>The permit token as a QR code (QRCoder), PNG or SVG, error correction M (15 % of the symbol may be lost).</summary>
public static class PermitQr
{
    public static byte[] Png(string token, int pixelsPerModule = 4)
    {
        using var data = QRCodeGenerator.GenerateQrCode(token, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string token, int pixelsPerModule = 4)
    {
        using var data = QRCodeGenerator.GenerateQrCode(token, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The QR version (size class 1–40) the token needs, for checks that it stays scannable on a phone.</summary>
    public static int Version(string token)
    {
        using var data = QRCodeGenerator.GenerateQrCode(token, QRCodeGenerator.ECCLevel.M);
        return data.Version;
    }
}
