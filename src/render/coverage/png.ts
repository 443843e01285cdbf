/**
 * SVG to PNG with resvg and the DejaVu fonts shipped as a package: no system fonts, so the chart looks the same on
 * a bare server as on a laptop, and the text is never missing.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

/** Discord shows images to 8 MB and more, but a chart this simple should be far smaller: over this is a bug. */
export const MAX_PNG_BYTES = 1_000_000;
export const CHART_FONT_FAMILY = 'DejaVu Sans';

// Resolved through Node's package resolution, so it works from src/ under tsx and from the compiled dist/ alike.
const resolve = createRequire(import.meta.url).resolve;
const FONT_FILES = [
  resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

export interface PngOptions {
  /** The size past which rendering fails; for tests of the guard, which no real chart comes near. */
  maxBytes?: number;
}

export function renderPng(svg: string, options: PngOptions = {}): Buffer {
  const maxBytes = options.maxBytes ?? MAX_PNG_BYTES;
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT_FAMILY },
    background: '#ffffff',
  });
  const png = resvg.render().asPng();
  if (png.length > maxBytes) {
    throw new Error(`the chart's PNG is ${png.length} bytes, over the ${maxBytes} allowed`);
  }
  return png;
}
