import { inflateSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { ICON_SIZES, renderIcon } from './icons';

test('each icon is a valid RGBA PNG of its size, transparent in the corners and opaque in the middle', () => {
  for (const size of ICON_SIZES) {
    const png = renderIcon(size);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
    const idat = png.indexOf('IDAT');
    const length = png.readUInt32BE(idat - 4);
    const pixels = inflateSync(png.subarray(idat + 4, idat + 4 + length));
    const alpha = (x: number, y: number) => pixels[y * (1 + size * 4) + 1 + x * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(size >> 1, Math.floor(size * 0.85))).toBe(255);
  }
});
