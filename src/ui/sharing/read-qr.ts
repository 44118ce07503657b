/** Reads the text of a QR code in a picture the citizen picked, via a canvas and jsQR. */
import jsQR from 'jsqr';

/** The largest side the picture is scaled to before scanning (big photos are slow and no better). */
const MAX_SIDE = 1600;

/** @returns the QR code's text, or null when the picture holds none */
export async function readQrFromImage(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, width, height);
    const image = context.getImageData(0, 0, width, height);
    return jsQR(image.data, width, height)?.data ?? null;
  } finally {
    bitmap.close();
  }
}
