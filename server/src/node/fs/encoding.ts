/**
 * Bytes to text and back, without ever guessing: a file is UTF-8 (with or without a byte-order
 * mark) or UTF-16 with its byte-order mark, and anything else is refused with a reason, never
 * decoded with replacement characters. Text that was read is written back in the encoding it came
 * in, byte-order mark included, so a round trip without edits gives the same bytes.
 */
import { isUtf8 } from 'node:buffer';
import type { Message } from '../../core/index.js';
import { detail } from './detail.js';
import type { TextEncodingName } from './types.js';

/** A refusal says why as a message (data, put into words in the user's language at the edge). */
export type Decoded = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; detail: Message };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Whether the bytes start with a byte-order mark `decodeText` reads (UTF-8, UTF-16 or UTF-32):
 * without one, a file that is text at all is UTF-8 and its text is exactly its bytes.
 */
export function hasByteOrderMark(bytes: Uint8Array): boolean {
  return startsWith(bytes, UTF8_BOM) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || startsWith(bytes, [0, 0, 0xfe, 0xff]);
}

/** Decodes a file's bytes; the reason when they are not text this product reads. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return { ok: false, detail: detail('file.detail.utf32') };
  }
  if (startsWith(bytes, UTF8_BOM)) return decodeUtf8(bytes.subarray(3), 'utf-8-bom');
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  return decodeUtf8(bytes, 'utf-8');
}

function decodeUtf8(body: Uint8Array, encoding: 'utf-8' | 'utf-8-bom'): Decoded {
  // UTF-16 of Latin text without its mark is valid UTF-8 (every other byte NUL), but a fix written
  // into it as UTF-8 would break it: refused. Other NUL characters are text like any other.
  const nul = body.indexOf(0);
  if (nul >= 0 && looksLikeUtf16(body)) return { ok: false, detail: detail('file.detail.utf16-no-bom') };
  if (isUtf8(body)) {
    // `ignoreBOM` keeps a second byte-order mark as text: nothing the file holds is dropped.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding };
  }
  // The byte-by-byte scan only to say where the first bad byte is.
  const bad = Math.max(0, firstInvalidUtf8(body));
  if (nul >= 0) return { ok: false, detail: detail('file.detail.binary', { line: lineOf(body, bad) }) };
  return { ok: false, detail: detail('file.detail.not-utf8', { line: lineOf(body, bad) }) };
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const name = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  if (body.length % 2 !== 0) return { ok: false, detail: detail('file.detail.utf16-odd', { encoding: name }) };
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    if (text.includes('\u0000')) return { ok: false, detail: detail('file.detail.utf16-nul', { encoding: name }) };
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, detail: detail('file.detail.utf16-broken', { encoding: name }) };
  }
}

/** NUL at every other byte in the first few hundred bytes: UTF-16 of mostly Latin text. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (even > half * 0.6 && odd === 0) || (odd > half * 0.6 && even === 0);
}

/** 1-based line of a byte offset (counting LF, CR and CRLF as one break each). */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1 (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      // No overlong forms (E0 80..9F) and no surrogates (ED A0..BF).
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    if (i + need >= n) return i;
    const second = bytes[i + 1];
    if (second === undefined || second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

export type Encoded = { ok: true; bytes: Buffer } | { ok: false; detail: Message };

/** The bytes of `text` in `encoding`; refuses text that cannot be encoded without a loss. */
export function encodeText(text: string, encoding: TextEncodingName): Encoded {
  // A lone surrogate would silently become U+FFFD: refuse instead, nothing is re-encoded.
  // (String.prototype.isWellFormed is in Node 20, not yet in the ES2022 library types.)
  if (!(text as unknown as { isWellFormed(): boolean }).isWellFormed()) return { ok: false, detail: detail('file.detail.cannot-encode') };
  switch (encoding) {
    case 'utf-8':
      return { ok: true, bytes: Buffer.from(text, 'utf8') };
    case 'utf-8-bom':
      return { ok: true, bytes: Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(text, 'utf8')]) };
    case 'utf-16le':
      return { ok: true, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) };
    case 'utf-16be': {
      const body = Buffer.from(text, 'utf16le');
      body.swap16();
      return { ok: true, bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), body]) };
    }
  }
}
