/** Reads a file or standard input as text, refusing what is not text with a clear reason. */
import { readFileSync, statSync } from 'node:fs';

export class InputError extends Error {}

/** Large enough for a day of IIS logs; larger inputs should be split or grepped first. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

function decode(buffer: Buffer, name: string): string {
  if (buffer.length > MAX_INPUT_BYTES) {
    throw new InputError(`${name} is ${(buffer.length / 1048576).toFixed(0)} MB; the limit is 64 MB (split it first)`);
  }
  const head = buffer.subarray(0, 8192);
  // UTF-16 logs (Windows) start with a byte-order mark; anything else with NUL is binary.
  if (head[0] === 0xff && head[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (head.includes(0)) throw new InputError(`${name} looks like a binary file, not text: pass a log or text file`);
  return buffer.toString('utf8').replace(/^\uFEFF/, '');
}

export function readTextFile(path: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code)}`,
    );
  }
  if (stat.isDirectory()) throw new InputError(`cannot read ${path}: it is a directory, not a file`);
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${path}: ${code === 'EACCES' ? 'permission denied' : String(code)}`);
  }
  return decode(buffer, path);
}

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_INPUT_BYTES) throw new InputError('standard input is over 64 MB; split it first');
    chunks.push(b);
  }
  return decode(Buffer.concat(chunks), 'standard input');
}
