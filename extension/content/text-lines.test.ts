import { expect, test } from 'vitest';
import { locate, nodesBetween } from './text-lines';
import type { Piece } from './text-lines';

// Chunk "Access Denied │ Device access state": two text nodes, then added context.
const a = { name: 'a' } as unknown as Text;
const b = { name: 'b' } as unknown as Text;
const pieces: Piece[] = [
  { node: a, nodeStart: 0, start: 0, end: 7 }, // "Access "
  { node: b, nodeStart: 2, start: 7, end: 13 }, // "Denied" (from offset 2 of its node)
];

test('chunk offsets map back to the text node and offset they came from', () => {
  expect(locate(pieces, 0, 'start')).toEqual({ node: a, offset: 0 });
  expect(locate(pieces, 7, 'start')).toEqual({ node: b, offset: 2 });
  expect(locate(pieces, 7, 'end')).toEqual({ node: a, offset: 7 });
  expect(locate(pieces, 13, 'end')).toEqual({ node: b, offset: 8 });
});

test('offsets in text we added (context, separators) map to no node', () => {
  expect(locate(pieces, 13, 'start')).toBeUndefined();
  expect(locate(pieces, 20, 'end')).toBeUndefined();
});

test('a finding covers each text node it spans once', () => {
  expect(nodesBetween(pieces, 0, 13)).toEqual([a, b]);
  expect(nodesBetween(pieces, 8, 10)).toEqual([b]);
});
