/**
 * Pictures of the document's own folder in the preview. The server's HTML keeps a relative image
 * address as written (`![Map](figures/map.png)`); the webview can show a local file only through a
 * webview URI under one of its resource roots. This rewrites each relative address that leads to a
 * file inside the document's workspace folder — checked as written and then by its real path, as
 * the server's reads are (`within` in server/src/node/fs), so a `..` or a symbolic link cannot lead
 * out — and puts a line of text in place of any other. No `vscode` import: unit tests call it.
 */
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export interface LocalImageOptions {
  /** The document's path on disk. */
  documentPath: string;
  /** The workspace folder holding it: images must stay inside. */
  folder: string;
  /** The webview's address for a file inside the folder. */
  toUri: (path: string) => string;
  /** The line shown instead of an image that leads out of the folder. */
  refused: (alt: string, address: string) => string;
}

/** An `<img>` tag of the sanitizer's output: attributes double-quoted, so `>` can only end the tag outside quotes. */
const IMG = /<img\b(?:[^>"]|"[^"]*")*>/g;
/** An address with a scheme (`https:`, `data:`, `file:`, `c:`…), or protocol-relative. */
const NOT_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : undefined;
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number.parseInt(dec, 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Where a relative address leads, or undefined when it leaves the folder (as written or by its real path). */
async function localPath(address: string, options: LocalImageOptions, realFolder: string): Promise<string | undefined> {
  let path = address.replace(/[?#].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray `%`: the address as written.
  }
  const resolved = resolve(dirname(options.documentPath), path);
  if (!isInside(resolve(options.folder), resolved)) return undefined;
  try {
    return isInside(realFolder, await realpath(resolved)) ? resolved : undefined;
  } catch {
    // Not there (yet): nothing can load from it, and no link can lead elsewhere.
    return resolved;
  }
}

/** The fragment with each relative image address rewritten or refused; other images left as they are. */
export async function localImages(fragment: string, options: LocalImageOptions): Promise<string> {
  const tags = [...fragment.matchAll(IMG)];
  if (tags.length === 0) return fragment;
  let realFolder: string;
  try {
    realFolder = await realpath(resolve(options.folder));
  } catch {
    realFolder = resolve(options.folder);
  }
  let out = '';
  let at = 0;
  for (const match of tags) {
    const tag = match[0];
    const src = attribute(tag, 'src');
    let replacement = tag;
    if (src !== undefined && src.trim() !== '' && !NOT_RELATIVE.test(src.trim()) && !src.trim().startsWith('#')) {
      const path = await localPath(src.trim(), options, realFolder);
      replacement = path
        ? tag.replace(/\ssrc="[^"]*"/, ` src="${escapeHtml(options.toUri(path))}"`)
        : `<span class="synthesis-remote-image">${escapeHtml(options.refused((attribute(tag, 'alt') ?? '').trim(), src.trim()))}</span>`;
    }
    out += fragment.slice(at, match.index) + replacement;
    at = match.index + tag.length;
  }
  return out + fragment.slice(at);
}
