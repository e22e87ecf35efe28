/** Where `coverage`, `codebook` and `matrix` put what they made: a file, or standard output. */
import { dirname, resolve } from 'node:path';
import { msg } from '../core/index.js';
import { writeTextFile } from '../node/fs/index.js';
import { displayPath } from './files.js';
import { say, writeFailureWords, type CommandEnvironment } from './run.js';

/** Writes to the file, or to standard output for none or `-`; false (with a message) if that fails. */
export async function writeOutput(env: CommandEnvironment, output: string | undefined, text: string): Promise<boolean> {
  if (output === undefined || output === '-') {
    env.out.stdout(text);
    return true;
  }
  const target = resolve(env.cwd, output);
  const written = await writeTextFile(target, text, { encoding: 'utf-8', within: dirname(target) });
  if (!written.ok) say(env, msg('cli.cannot-write', { file: displayPath(target, env.cwd), reason: writeFailureWords(written.failure, written.detail) }));
  return written.ok;
}
