/**
 * synthlint's entry point (bundled to dist/cli.js, started by bin/synthlint.cjs). It wires the
 * real process to `run` and turns anything unexpected into one line and exit code 2: users never
 * see a stack trace.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../../package.json' with { type: 'json' };
import { localeFromEnvironment, msg, wordMessage } from '../core/index.js';
import { requestedLocale } from './args.js';
import { EXIT_TROUBLE, run, type PackageInfo } from './run.js';

interface PackageJson {
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

/** Where the documentation lives: the repository's file view when package.json names one. */
export function packageInfo(json: PackageJson, packageRoot: string): PackageInfo {
  const repository = typeof json.repository === 'string' ? json.repository : json.repository?.url;
  const web = (json.homepage ?? repository)?.replace(/^git\+/, '').replace(/\.git$/, '').replace(/#.*$/, '').replace(/\/+$/, '');
  if (web && /^https?:\/\//.test(web)) {
    const docsBase = /^https:\/\/github\.com\/[^/]+\/[^/]+$/.test(web) ? `${web}/blob/HEAD/` : `${web}/`;
    return { version: json.version, homepage: json.homepage ?? web, docsBase };
  }
  // No web address yet: point at the documentation installed with the tool.
  const local = pathToFileURL(packageRoot).href.replace(/\/?$/, '/');
  return { version: json.version, homepage: `${local}README.md`, docsBase: local };
}

function packageRoot(): string {
  // dist/cli.js is CommonJS, where __dirname is dist/.
  return typeof __dirname === 'string' ? resolve(__dirname, '..') : process.cwd();
}

/** Something that should never happen, said in one line in the user's language (never a stack trace). */
function unexpected(error: unknown): string {
  const locale = requestedLocale(process.argv.slice(2)) ?? localeFromEnvironment(process.env);
  return wordMessage(msg('cli.unexpected', { detail: oneLine(error) }), locale);
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.message}` : String(error);
  return text.split('\n')[0] || 'unknown error';
}

async function main(): Promise<void> {
  // A closed pipe (synthlint . | head) is not an error worth a message.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = await run(process.argv.slice(2), {
      cwd: process.cwd(),
      out: { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
      pkg: packageInfo(pkg as PackageJson, packageRoot()),
      vars: process.env,
    });
  } catch (error) {
    process.stderr.write(`synthlint: ${unexpected(error)}\n`);
    process.exitCode = EXIT_TROUBLE;
  }
}

process.on('uncaughtException', (error) => {
  process.stderr.write(`synthlint: ${unexpected(error)}\n`);
  process.exit(EXIT_TROUBLE);
});

void main();
