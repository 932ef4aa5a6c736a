/**
 * The toolbar and store icons, drawn at build time (no binary files in the repository):
 * a blue rounded square with white "sync" arrows and an amber "found" dot. Shapes are
 * distance fields and point-in-triangle tests sampled 4×4 per pixel, encoded as RGBA PNG
 * with node:zlib. (A check mark was tried first: at 16–20 px it read as a checkbox.)
 */
import { deflateSync } from 'node:zlib';

export { ICON_SIZES } from './manifest';

type Rgba = [number, number, number, number];

const BLUE_TOP: Rgba = [22, 112, 230, 255];
const BLUE_BOTTOM: Rgba = [10, 72, 170, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const AMBER: Rgba = [255, 178, 36, 255];

function roundedSquare(x: number, y: number, half: number, radius: number): number {
  const qx = Math.abs(x) - (half - radius);
  const qy = Math.abs(y) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

type Point = [number, number];

function inTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const side = (p1: Point, p2: Point, p3: Point) =>
    (p1[0] - p3[0]) * (p2[1] - p3[1]) - (p2[0] - p3[0]) * (p1[1] - p3[1]);
  const d1 = side(p, a, b);
  const d2 = side(p, b, c);
  const d3 = side(p, c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

const RING = 0.255;
const STROKE = 0.085;
const DEG = Math.PI / 180;
/** Two arcs (upper and lower), each ending in an arrowhead pointing clockwise. */
const ARCS: [number, number][] = [
  [-165, -35],
  [15, 145],
];

/** The arrowhead at the end of an arc, as a triangle: base across the ring, tip along the tangent. */
function arrowhead(endDeg: number): [Point, Point, Point] {
  const a = endDeg * DEG;
  const center: Point = [0.5 + RING * Math.cos(a), 0.5 + RING * Math.sin(a)];
  const radial: Point = [Math.cos(a), Math.sin(a)];
  const tangent: Point = [-Math.sin(a), Math.cos(a)];
  const half = 0.12;
  const tip = 0.15;
  return [
    [center[0] + radial[0] * half, center[1] + radial[1] * half],
    [center[0] - radial[0] * half, center[1] - radial[1] * half],
    [center[0] + tangent[0] * tip, center[1] + tangent[1] * tip],
  ];
}

function onArrows(u: number, v: number): boolean {
  const r = Math.hypot(u - 0.5, v - 0.5);
  const angle = Math.atan2(v - 0.5, u - 0.5) / DEG;
  if (Math.abs(r - RING) < STROKE / 2 && ARCS.some(([from, to]) => angle >= from && angle <= to)) return true;
  return ARCS.some(([, to]) => inTriangle([u, v], ...arrowhead(to)));
}

/** Colour at a point of the unit icon (0..1 both ways). */
function shade(u: number, v: number): Rgba {
  if (roundedSquare(u - 0.5, v - 0.5, 0.47, 0.2) > 0) return [0, 0, 0, 0];
  if (Math.hypot(u - 0.5, v - 0.5) < 0.085) return AMBER;
  if (onArrows(u, v)) return WHITE;
  const t = v;
  return [0, 1, 2, 3].map((i) => Math.round(BLUE_TOP[i]! * (1 - t) + BLUE_BOTTOM[i]! * t)) as Rgba;
}

export function renderIcon(size: number): Buffer {
  const SS = 4;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size);
          // Premultiplied while averaging, so edges do not darken.
          for (let i = 0; i < 3; i++) sum[i]! += (c[i]! * c[3]) / 255;
          sum[3]! += c[3];
        }
      }
      const a = sum[3]! / (SS * SS);
      for (let i = 0; i < 3; i++) row[1 + x * 4 + i] = a ? Math.round((sum[i]! / (SS * SS)) * (255 / a)) : 0;
      row[1 + x * 4 + 3] = Math.round(a);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA, 8 bits per channel, scanlines already prefixed with filter type 0. */
function png(width: number, height: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
