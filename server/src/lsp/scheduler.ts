/**
 * When documents are checked: after a pause in typing (or on save, with `synthesis.validate:
 * onSave`), at once when opened or when a setting or watched file changed. Publishes only for the
 * version that is still current, and never an older version after a newer one.
 */
import type { ServerState } from './state.js';
import { guard } from './guard.js';
import { toDiagnostics } from './diagnostics.js';

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The latest version published per open document. */
  private readonly published = new Map<string, number>();

  constructor(private readonly state: ServerState) {}

  /** A document's text changed (or it was opened). */
  changed(uri: string): void {
    if (!this.published.has(uri)) this.schedule(uri, 0);
    else if (this.state.settings.validate === 'onType') this.schedule(uri, this.state.validationDelay);
    else this.cancel(uri);
  }

  schedule(uri: string, delay: number): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void guard(this.state.log, 'validation', undefined, () => this.validate(uri))();
      }, delay),
    );
  }

  revalidateAll(): void {
    for (const doc of this.state.documents.all()) this.schedule(doc.uri, 0);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Checks an open document and publishes its diagnostics (and those of the files it uses). */
  async validate(uri: string): Promise<void> {
    await this.state.ready;
    const doc = this.state.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const analysis = await this.state.service.analyze({ key: uri, ...pathOf(this.state, uri), text: doc.getText(), version });
    this.state.index.update(uri, analysis.document);
    // Publish only for the version that is still current, and never older than what was published.
    if (this.state.documents.get(uri)?.version !== version) return;
    const last = this.published.get(uri);
    if (last !== undefined && last > version) return;
    this.published.set(uri, version);
    await this.state.connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(analysis.findings, analysis.document.lines, version, this.state.locale) });
    await this.state.sideFiles.show(analysis.related);
  }
}

function pathOf(state: ServerState, uri: string): { path?: string } {
  const path = state.pathOf(uri);
  return path === undefined ? {} : { path };
}
