import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A text file read from a repository, or the diagnostic that says why it could not be. */
export type SourceText = { readonly text: string } | { readonly diagnostic: Diagnostic };

/** The bytes of a repository file, or the diagnostic that says why they could not be read. */
export type SourceBytes = { readonly bytes: Buffer } | Failed;

type Failed = { readonly diagnostic: Diagnostic };

/** A path relative to the repository root, with forward slashes, for diagnostics and output. */
export function repositoryPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/** True when `path` is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

function fail(file: string, code: string, message: string, line = 1, column = 1): Failed {
  return {
    diagnostic: {
      code,
      severity: code === 'file-empty' ? 'warning' : 'error',
      message,
      source: { file, line, column },
    },
  };
}

/** Line and column of a byte offset in a buffer, counting UTF-8 characters before it. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

/** The offset of the first byte that breaks UTF-8 (a bad lead byte, a missing continuation, an overlong form). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead < 0xe0
          ? 2
          : lead >= 0xe0 && lead < 0xf0
            ? 3
            : lead >= 0xf0 && lead < 0xf5
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

function kindOfEntry(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function notRegular(file: string, info: Stats): Failed {
  return fail(
    file,
    'file-not-regular',
    `"${file}" is ${kindOfEntry(info)}, not a regular file; Tracery reads plain files only. Remove it, or change the sources in tracery.yaml so that none matches it.`,
  );
}

/**
 * Reads one repository file as UTF-8 text, refusing what a design file can never be: anything but a
 * regular file (a FIFO, socket or device, checked before any read so nothing can block), a link out
 * of the repository, a file over the size limit, an empty file, binary data, or invalid UTF-8.
 */
export async function readSourceFile(root: string, absolute: string, maxBytes: number): Promise<SourceText> {
  const read = await readSourceBytes(root, absolute, maxBytes);
  return 'diagnostic' in read ? read : decodeSource(repositoryPath(root, absolute), read.bytes);
}

/**
 * The bytes of one repository file, refusing what {@link readSourceFile} refuses before it looks at
 * them (not a regular file, a link out of the repository, over the size limit); what the bytes say
 * is for {@link decodeSource}.
 */
export async function readSourceBytes(
  root: string,
  absolute: string,
  maxBytes: number,
): Promise<SourceBytes> {
  const file = repositoryPath(root, absolute);
  try {
    const info = await lstat(absolute);
    if (info.isSymbolicLink()) {
      const target = await realpath(absolute);
      if (!isInside(await realpath(root), target)) {
        return fail(
          file,
          'symlink-outside-repository',
          `"${file}" is a symbolic link to "${await readlink(absolute)}", outside the repository; copy the file in or remove the link.`,
        );
      }
    } else if (!info.isFile()) return notRegular(file, info);
    // Non-blocking, so that a FIFO put in place after the check cannot hang the open; fstat then
    // checks what was actually opened.
    const handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return notRegular(file, opened);
      if (opened.size > maxBytes) {
        return fail(
          file,
          'file-too-large',
          `"${file}" is ${opened.size} bytes, over the limit of ${maxBytes}; split it into smaller files or raise limits.maxFileBytes in tracery.yaml.`,
        );
      }
      return { bytes: await handle.readFile() };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return fail(file, 'file-unreadable', `"${file}" could not be read: ${(error as Error).message}`);
  }
}

/**
 * A file's bytes as UTF-8 text (a byte order mark dropped), or why they are not a model file's text:
 * UTF-16, binary data (a NUL), invalid UTF-8, or nothing but white space.
 */
export function decodeSource(file: string, bytes: Buffer): SourceText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(
      file,
      'invalid-encoding',
      `"${file}" is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8.`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = positionOfByte(bytes, nul);
    return fail(
      file,
      'file-binary',
      `"${file}" holds binary data (a NUL byte); a model file must be YAML or JSON text.`,
      at.line,
      at.column,
    );
  }
  let text: string;
  try {
    // A UTF-8 byte order mark is dropped, as YAML allows.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const at = positionOfByte(bytes, offset);
    const value = `0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}`;
    return fail(
      file,
      'invalid-encoding',
      `"${file}" is not valid UTF-8 (byte ${value}); save it as UTF-8.`,
      at.line,
      at.column,
    );
  }
  if (text.trim() === '')
    return fail(file, 'file-empty', `"${file}" is empty; add elements to it or delete it.`);
  return { text };
}
