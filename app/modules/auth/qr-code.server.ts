import QRCode from "qrcode";

/**
 * A QR code as a data: URL of an SVG image, so the page can show it in an <img> with alt text
 * (the CSP allows data: images, and an image needs no inline script or style).
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
