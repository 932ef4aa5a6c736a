/**
 * Reads a file, a device, a pipe or standard input as text, within a fixed memory bound:
 * a regular file's size is checked before anything is read, anything else is read in
 * chunks that stop at the limit, and binary input is refused at the first chunk that shows
 * it. Nothing larger than `MAX_INPUT_BYTES` (plus one chunk) is ever held.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';

export class InputError extends Error {}

/** Large enough for a day of IIS logs; larger inputs should be split or grepped first. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const LIMIT_TEXT = '64 MB';
const CHUNK_BYTES = 1024 * 1024;

export interface TextInput {
  text: string;
  /** Said on stderr, never silently: the text had bytes that are not UTF-8 (replaced by U+FFFD). */
  warning?: string;
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / 1048576)} MB`;

/** Collects chunks up to the limit, refusing binary input as soon as a chunk shows it. */
class Collector {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private utf16: boolean | undefined;

  constructor(private readonly name: string) {}

  add(chunk: Buffer): void {
    this.utf16 ??= chunk[0] === 0xff && chunk[1] === 0xfe;
    this.size += chunk.length;
    if (this.size > MAX_INPUT_BYTES) {
      throw new InputError(`${this.name} is over ${LIMIT_TEXT}, the limit; split it or grep it first`);
    }
    // UTF-16 logs (Windows) start with a byte-order mark; anything else with NUL is binary.
    if (!this.utf16 && chunk.includes(0)) {
      throw new InputError(`${this.name} looks like a binary file, not text: pass a log or text file`);
    }
    this.chunks.push(chunk);
  }

  finish(): TextInput {
    const buffer = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    this.chunks.length = 0;
    return decode(buffer, this.name, this.utf16 === true);
  }
}

function decode(buffer: Buffer, name: string, utf16: boolean): TextInput {
  if (utf16) return { text: buffer.subarray(2).toString('utf16le') };
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  if (isUtf8(buffer)) return { text };
  return {
    text,
    warning: `${name} is not valid UTF-8: the bytes that are not are read as \uFFFD (offsets count them so)`,
  };
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  return String(code ?? err);
}

/** A file, a device (`/dev/urandom`), a named pipe or `/dev/stdin`: never read past the limit. */
export function readTextFile(path: string): TextInput {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${reason(err)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(`cannot read ${path}: it is a directory, not a file`);
    refuseBySize(path, stat);
    const collector = new Collector(path);
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw new InputError(`cannot read ${path}: ${reason(err)}`);
      }
      if (read === 0) break;
      collector.add(Buffer.from(chunk.subarray(0, read)));
    }
    return collector.finish();
  } finally {
    closeSync(fd);
  }
}

/** A regular file says its size: one over the limit is refused before a byte is read. */
function refuseBySize(path: string, stat: Stats): void {
  if (stat.isFile() && stat.size > MAX_INPUT_BYTES) {
    throw new InputError(`${path} is ${megabytes(stat.size)}; the limit is ${LIMIT_TEXT} (split it or grep it first)`);
  }
}

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<TextInput> {
  const collector = new Collector('standard input');
  try {
    for await (const chunk of stream) collector.add(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  } catch (err) {
    // Stop reading at once: the rest of a pipe (or an endless device behind it) is not wanted.
    (stream as Partial<NodeJS.ReadStream>).destroy?.();
    throw err;
  }
  return collector.finish();
}
