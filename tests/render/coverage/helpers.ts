/** Series to draw and a look at the pixels of the PNG the chart becomes. */
import { PNG } from 'pngjs';
import type { CoverageSeries } from '../../../src/render/coverage/series.js';

/** Consecutive Mondays from 2023-04-17, the first day of each of `count` ISO weeks. */
export function mondays(count: number): string[] {
  const first = Date.UTC(2023, 3, 17);
  return Array.from({ length: count }, (_, index) =>
    new Date(first + index * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

/** The largest chart there is: 156 weeks, the party and three others, counts jumping about (hardest to compress). */
export function largestSeries(): CoverageSeries {
  let seed = 7;
  const noise = (scale: number) => {
    seed = (seed * 48_271) % 2_147_483_647;
    return seed % scale;
  };
  const names = ['Russia', 'Ukraine', 'United States', 'European Union'];
  return {
    party: 'Russia',
    bucket: 'week',
    starts: mondays(156),
    lines: names.map((name, index) => ({ name, counts: mondays(156).map(() => noise(60 - index * 12)) })),
    clippedBefore: '2023-04-17',
  };
}

export interface Picture {
  width: number;
  height: number;
  /** The pixels in the box whose colour is within `tolerance` (per channel) of `hex`. */
  count(hex: string, box: Box, tolerance?: number): number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function decode(png: Buffer): Picture {
  const image = PNG.sync.read(png);
  return {
    width: image.width,
    height: image.height,
    count(hex, box, tolerance = 24) {
      const want = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
      let found = 0;
      for (let y = Math.max(0, box.top); y < Math.min(image.height, box.bottom); y++) {
        for (let x = Math.max(0, box.left); x < Math.min(image.width, box.right); x++) {
          const at = (y * image.width + x) * 4;
          if (want.every((value, channel) => Math.abs(image.data[at + channel]! - value) <= tolerance))
            found++;
        }
      }
      return found;
    },
  };
}
