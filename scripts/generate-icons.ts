// Draws the app icons (`npm run icons`): manifest/color.png (192x192, white pulse on the accent
// colour), manifest/outline.png (32x32, the same pulse in white on transparent, hard edges as
// Teams asks) and the tab's favicon, tab/public/favicon.png (the colour icon at 48x48; Vite copies
// it into the build, the server also answers /favicon.ico with it). Drawn in code so the icons are
// reproducible and reviewable as a diff.
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/** The accent colour, also `accentColor` in the manifest. */
export const ACCENT = { r: 0x1f, g: 0x5f, b: 0x8b };

/** The favicon's width and height in pixels. */
export const FAVICON_SIZE = 48;

/** The pulse line, in units of the icon's width. */
const PULSE: readonly (readonly [number, number])[] = [
  [0.12, 0.55],
  [0.34, 0.55],
  [0.44, 0.26],
  [0.56, 0.78],
  [0.66, 0.55],
  [0.88, 0.55],
];

/** Distance from (x, y) to the pulse line, in units of the icon's width. */
function distanceToPulse(x: number, y: number): number {
  let best = Infinity;
  for (let i = 1; i < PULSE.length; i++) {
    const [ax, ay] = PULSE[i - 1]!;
    const [bx, by] = PULSE[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

/** Share of a pixel covered by the line (4x4 supersampling). */
function coverage(px: number, py: number, size: number, halfWidth: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const x = (px + (sx + 0.5) / 4) / size;
      const y = (py + (sy + 0.5) / 4) / size;
      if (distanceToPulse(x, y) <= halfWidth) hits++;
    }
  }
  return hits / 16;
}

/** The Teams colour icon is 192x192; the favicon is the same drawing at 48x48. */
export function colorIcon(size = 192): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size, 0.045);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(ACCENT.r + (255 - ACCENT.r) * c);
      png.data[i + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * c);
      png.data[i + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * c);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

export function outlineIcon(): Buffer {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = coverage(x, y, size, 0.06) >= 0.5;
      const i = (y * size + x) * 4;
      png.data[i] = on ? 255 : 0;
      png.data[i + 1] = on ? 255 : 0;
      png.data[i + 2] = on ? 255 : 0;
      png.data[i + 3] = on ? 255 : 0;
    }
  }
  return PNG.sync.write(png);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../manifest/color.png', import.meta.url), colorIcon());
  writeFileSync(new URL('../manifest/outline.png', import.meta.url), outlineIcon());
  writeFileSync(new URL('../tab/public/favicon.png', import.meta.url), colorIcon(FAVICON_SIZE));
  console.log(
    'Skrev manifest/color.png (192x192), manifest/outline.png (32x32) og tab/public/favicon.png (48x48).',
  );
}
