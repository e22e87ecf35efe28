/**
 * Every handler goes through here: an exception (or a rejected promise) is logged and the request
 * gets an empty answer, so a bug in one feature never takes the server down.
 */
export type Log = (message: string) => void;

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 6).join('\n')}` : ''}`;
  return String(error);
}

export function guard<P extends unknown[], R>(log: Log, name: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P): Promise<R> => {
    try {
      return await handler(...args);
    } catch (error) {
      log(`${name} failed and returned an empty answer: ${describeError(error)}`);
      return fallback;
    }
  };
}

/** For notifications: the same protection, nothing to answer. */
export function guardNotification<P extends unknown[]>(log: Log, name: string, handler: (...args: P) => void | Promise<void>): (...args: P) => void {
  const guarded = guard(log, name, undefined, handler);
  return (...args: P): void => {
    void guarded(...args);
  };
}
