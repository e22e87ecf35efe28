/**
 * What the file module found out about a failure, as a message: data (a key of the catalogue and
 * its arguments) that the CLI, the language server and the service put into words in the user's
 * language. Built here rather than with the core's `msg` so that the file module still loads nothing
 * but Node's own modules at run time (the security tests run it alone, as another user); the keys
 * are checked against the catalogue's all the same.
 */
import type { Message, MessageArg, MessageKey } from '../../core/index.js';

export function detail(key: Extract<MessageKey, `file.${string}`>, args?: Readonly<Record<string, MessageArg>>): Message {
  return args ? { key, args } : { key };
}
