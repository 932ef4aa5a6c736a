import { expect, test } from 'vitest';
import { luminance, parseColor } from './page-scheme';

test('computed colours parse in rgb(), rgba() and color(srgb) forms', () => {
  expect(parseColor('rgb(255, 255, 255)')).toEqual([1, 1, 1, 1]);
  expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
  expect(parseColor('color(srgb 0.1 0.2 0.3 / 0.5)')).toEqual([0.1, 0.2, 0.3, 0.5]);
  expect(parseColor('transparent')).toBeUndefined();
});

test('luminance tells a dark console from a light one', () => {
  expect(luminance([1, 1, 1])).toBeCloseTo(1);
  expect(luminance([0x1b / 255, 0x1b / 255, 0x1b / 255])).toBeLessThan(0.4);
  expect(luminance([0xf3 / 255, 0xf3 / 255, 0xf3 / 255])).toBeGreaterThan(0.4);
});
