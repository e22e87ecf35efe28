// The part of Mocha's programmatic API the suite index uses (see mocha.cjs).
declare namespace MochaShim {
  interface Options {
    ui?: 'tdd' | 'bdd';
    color?: boolean;
    timeout?: number;
    reporter?: string;
    grep?: string | RegExp;
  }
  interface Suite {
    emit(event: 'pre-require', context: object, file: string, mocha: Mocha): boolean;
  }
  interface Runner {
    on(event: 'pass' | 'fail', listener: () => void): Runner;
  }
  interface Mocha {
    readonly suite: Suite;
    run(done: (failures: number) => void): Runner;
  }
}
declare const Mocha: {
  new (options?: MochaShim.Options): MochaShim.Mocha;
  /** The reporters print through reporters.Base.consoleLog. */
  reporters: { Base: { consoleLog: (...args: unknown[]) => void } };
};
export = Mocha;
