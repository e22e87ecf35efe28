/**
 * Messages as data. Whatever the core says to a user — a finding, a fix title, a problem in a
 * template or a register — it says as a key and arguments, never as a sentence. The sentence is
 * chosen at the edge (the language server, the CLI, the preview), in the user's language, by
 * `wordMessage`. So an analysis does not depend on who reads it, and no English text ever has to be
 * read back into a key.
 *
 * This module holds the shapes and the builder only; it imports no catalogue, so that rules can
 * use it without an import cycle (the catalogues are assembled from the rules, see `words.ts`).
 */
import type { Placeholders } from './format.js';
import type { en, MessageKey } from './messages/en.js';

/** A piece of a message: plain text and numbers as they are, or something worded in the user's language. */
export type MessageArg = string | number | Message | ListArg | NumberArg;

/** A message: its key in the catalogues and the values of its `{placeholders}`. */
export interface Message {
  readonly key: string;
  readonly args?: Readonly<Record<string, MessageArg>>;
}

/** A list, joined the way the user's language joins lists: "a, b and c", "a, b y c", "a, b et c". */
export interface ListArg {
  readonly list: readonly MessageArg[];
  readonly conjunction: 'and' | 'or';
}

/** A number written in the user's style: "3,076" and "1.5" in English, "3 076" and "1,5" in Spanish and French. */
export interface NumberArg {
  readonly number: number;
  /** Digits after the decimal mark (none by default). */
  readonly decimals?: number;
}

/** The values a message with the placeholders of `S` needs; nothing when it has none. */
export type ArgsFor<S extends string> = [Placeholders<S>] extends [never] ? [] : [args: Readonly<Record<Placeholders<S>, MessageArg>>];

/** A message from its key and arguments (the arguments are dropped when there are none). */
export function message(key: string, args?: Readonly<Record<string, MessageArg>>): Message {
  return args && Object.keys(args).length > 0 ? { key, args } : { key };
}

/** A list argument. */
export function list(items: readonly MessageArg[], conjunction: 'and' | 'or' = 'and'): ListArg {
  return { list: items, conjunction };
}

/** A number argument, written in the user's style. */
export function number(n: number, decimals = 0): NumberArg {
  return decimals > 0 ? { number: n, decimals } : { number: n };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
}

/** One of the shared messages (those of no single rule: readers, templates, registers, features), as data. */
export function msg<K extends MessageKey>(key: K, ...args: ArgsFor<(typeof en)[K]>): Message {
  return message(key, args[0]);
}
