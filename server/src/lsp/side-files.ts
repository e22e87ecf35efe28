/**
 * Diagnostics on the files a synthesis uses besides itself: the project's configuration file, its
 * templates and evidence registers. Each is published when its findings change and cleared when
 * they are gone.
 */
import type { FileReport } from '../core/index.js';
import { toFileDiagnostics } from './diagnostics.js';
import type { ServerState } from './state.js';
import { pathToUri } from './uris.js';

export class SideFiles {
  /** What was last published per file URI (JSON of the diagnostics), for files with findings. */
  private readonly shown = new Map<string, string>();

  constructor(private readonly state: ServerState) {}

  /** Publishes the reports that changed. */
  async show(reports: readonly FileReport[]): Promise<void> {
    for (const report of reports) {
      const uri = pathToUri(report.path);
      const diagnostics = toFileDiagnostics(report.findings, this.state.locale);
      const text = JSON.stringify(diagnostics);
      if (diagnostics.length === 0) {
        if (!this.shown.delete(uri)) continue;
      } else {
        if (this.shown.get(uri) === text) continue;
        this.shown.set(uri, text);
      }
      await this.state.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /**
   * After a settings or file change: the reports of every file the service has read now, and the
   * files shown before that are no longer among them cleared.
   */
  async refresh(): Promise<void> {
    // The workspace folders' own projects, read now so that their files' findings show before any document opens.
    for (const root of this.state.roots) await this.state.service.projectReports(root);
    const reports = await this.state.service.fileReports();
    const current = new Set(reports.map((r) => pathToUri(r.path)));
    for (const uri of [...this.shown.keys()]) {
      if (current.has(uri)) continue;
      this.shown.delete(uri);
      await this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    await this.show(reports);
  }
}
