/**
 * A QR code drawn as one SVG path from qrcode-generator's module matrix: no HTML strings, so
 * nothing from the data can become markup. One path rather than a rectangle per module keeps a
 * key's code to a single element instead of over a thousand. Named for screen readers by its label.
 */
import qrcode from 'qrcode-generator';

export function QrCode(props: { text: string; label: string; size?: number }) {
  const qr = qrcode(0, 'M');
  qr.addData(props.text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const margin = 4;
  const cells: string[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) cells.push(`M${c + margin} ${r + margin}h1v1h-1z`);
  }
  const total = n + 2 * margin;
  return (
    <svg
      class="qr"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${total} ${total}`}
      width={props.size ?? 240}
      height={props.size ?? 240}
      shape-rendering="crispEdges"
    >
      <rect x={0} y={0} width={total} height={total} fill="#fff" />
      <path fill="#000" d={cells.join('')} />
    </svg>
  );
}
