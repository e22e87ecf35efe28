/**
 * Everything the language server says about Word and PDF export and import, in the editor's display
 * language (`state.locale`): one table per language, with the same keys and arguments. The shared
 * reasons a file cannot be read come from the core's catalogue (`failureText`), in the same language.
 */
import { failureText, msg, wordMessage, type FileFailure, type Locale, type Message } from '../core/index.js';
import type { WriteFailure } from '../node/fs/index.js';
import type { ReferenceProblem } from '../core/word.js';
import type { BrowserProblem, PrintProblem } from '../node/pdf/index.js';

/** Larger files are refused: the limits the messages name. */
export const MAX_REFERENCE_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

interface Args {
  failed: undefined;
  nothingToExport: undefined;
  cannotReadSynthesis: undefined;
  overSynthesis: undefined;
  noBrowser: undefined;
  browserNotFound: { named: string };
  printFailed: { browser: string; problem: PrintProblem };
  cannotReadReference: { named: string; failure: FileFailure; detail?: Message };
  cannotUseReference: { named: string; problem: ReferenceProblem };
  cannotWrite: { file: string; failure: WriteFailure; detail?: Message };
  noFile: undefined;
  notImportable: undefined;
  cannotRead: { file: string; failure: FileFailure; detail?: Message };
  cannotReadAs: { file: string; detail: string };
}
export type WordMessageKey = keyof Args;

/** The words of one language; `why` words the shared file reasons and the nested problems. */
type Table = { [K in WordMessageKey]: (a: Args[K] & object, why: Why) => string };
interface Why {
  file(failure: FileFailure, detail: Message | undefined, maxBytes?: number): string;
  reference(problem: ReferenceProblem): string;
  print(problem: PrintProblem): string;
  write(failure: WriteFailure, detail: Message | undefined): string;
}

const EN: Table = {
  failed: () => 'The request failed; the output panel has the details.',
  nothingToExport: () => 'Nothing to export: no document or no destination.',
  cannotReadSynthesis: () => 'The synthesis could not be read.',
  overSynthesis: () => 'Choose another file: the export would replace the synthesis itself.',
  noBrowser: () =>
    'No Chromium, Chrome or Edge was found to print the PDF. Install one (on Debian or Ubuntu: sudo apt-get install chromium; on macOS or Windows: Google Chrome or Microsoft Edge), or name its program in the setting synthesis.pdf.browser.',
  browserNotFound: (a) => `The browser '${a.named}' was not found or cannot be run. Name the Chromium, Chrome or Edge program itself in synthesis.pdf.browser, for example /usr/bin/chromium.`,
  printFailed: (a, why) => `The PDF could not be printed with ${a.browser}: ${why.print(a.problem)}.`,
  cannotReadReference: (a, why) => `The reference document '${a.named}' (referenceDoc in .synthesis/config.yaml) cannot be read: ${why.file(a.failure, a.detail, MAX_REFERENCE_BYTES)}.`,
  cannotUseReference: (a, why) => `The reference document '${a.named}' cannot be used: ${why.reference(a.problem)}.`,
  cannotWrite: (a, why) => `${a.file} could not be written: ${why.write(a.failure, a.detail)}.`,
  noFile: () => 'No file to import.',
  notImportable: () => 'Only .docx, .pdf, .html, .md and .txt files can be imported.',
  cannotRead: (a, why) => `${a.file} could not be read: ${why.file(a.failure, a.detail, MAX_IMPORT_BYTES)}.`,
  cannotReadAs: (a) => `${a.file} could not be read: ${a.detail}`,
};

const ES: Table = {
  failed: () => 'La solicitud falló; el panel de salida tiene los detalles.',
  nothingToExport: () => 'No hay nada que exportar: falta el documento o el destino.',
  cannotReadSynthesis: () => 'No se pudo leer la síntesis.',
  overSynthesis: () => 'Elija otro archivo: la exportación reemplazaría la propia síntesis.',
  noBrowser: () =>
    'No se encontró Chromium, Chrome ni Edge para imprimir el PDF. Instale uno (en Debian o Ubuntu: sudo apt-get install chromium; en macOS o Windows: Google Chrome o Microsoft Edge) o indique su programa en el ajuste synthesis.pdf.browser.',
  browserNotFound: (a) => `No se encontró el navegador '${a.named}' o no se puede ejecutar. Indique en synthesis.pdf.browser el propio programa de Chromium, Chrome o Edge, por ejemplo /usr/bin/chromium.`,
  printFailed: (a, why) => `No se pudo imprimir el PDF con ${a.browser}: ${why.print(a.problem)}.`,
  cannotReadReference: (a, why) => `No se puede leer el documento de referencia '${a.named}' (referenceDoc en .synthesis/config.yaml): ${why.file(a.failure, a.detail, MAX_REFERENCE_BYTES)}.`,
  cannotUseReference: (a, why) => `No se puede usar el documento de referencia '${a.named}': ${why.reference(a.problem)}.`,
  cannotWrite: (a, why) => `No se pudo escribir ${a.file}: ${why.write(a.failure, a.detail)}.`,
  noFile: () => 'No hay ningún archivo que importar.',
  notImportable: () => 'Solo se pueden importar archivos .docx, .pdf, .html, .md y .txt.',
  cannotRead: (a, why) => `No se pudo leer ${a.file}: ${why.file(a.failure, a.detail, MAX_IMPORT_BYTES)}.`,
  cannotReadAs: (a) => `No se pudo leer ${a.file}: ${a.detail}`,
};

const FR: Table = {
  failed: () => 'La demande a échoué ; le panneau de sortie donne les détails.',
  nothingToExport: () => 'Rien à exporter : il manque le document ou la destination.',
  cannotReadSynthesis: () => 'La synthèse n’a pas pu être lue.',
  overSynthesis: () => 'Choisissez un autre fichier : l’exportation remplacerait la synthèse elle-même.',
  noBrowser: () =>
    'Aucun Chromium, Chrome ni Edge n’a été trouvé pour imprimer le PDF. Installez-en un (sous Debian ou Ubuntu : sudo apt-get install chromium ; sous macOS ou Windows : Google Chrome ou Microsoft Edge), ou indiquez son programme dans le paramètre synthesis.pdf.browser.',
  browserNotFound: (a) => `Le navigateur '${a.named}' est introuvable ou ne peut pas être lancé. Indiquez dans synthesis.pdf.browser le programme Chromium, Chrome ou Edge lui-même, par exemple /usr/bin/chromium.`,
  printFailed: (a, why) => `Le PDF n’a pas pu être imprimé avec ${a.browser} : ${why.print(a.problem)}.`,
  cannotReadReference: (a, why) => `Le document de référence '${a.named}' (referenceDoc dans .synthesis/config.yaml) ne peut pas être lu : ${why.file(a.failure, a.detail, MAX_REFERENCE_BYTES)}.`,
  cannotUseReference: (a, why) => `Le document de référence '${a.named}' ne peut pas être utilisé : ${why.reference(a.problem)}.`,
  cannotWrite: (a, why) => `${a.file} n’a pas pu être écrit : ${why.write(a.failure, a.detail)}.`,
  noFile: () => 'Aucun fichier à importer.',
  notImportable: () => 'Seuls les fichiers .docx, .pdf, .html, .md et .txt peuvent être importés.',
  cannotRead: (a, why) => `${a.file} n’a pas pu être lu : ${why.file(a.failure, a.detail, MAX_IMPORT_BYTES)}.`,
  cannotReadAs: (a) => `${a.file} n’a pas pu être lu : ${a.detail}`,
};

const TABLES: Readonly<Record<Locale, Table>> = { en: EN, es: ES, fr: FR };

/** The nested problems, per language. */
const PROBLEMS: Readonly<Record<Locale, { reference: Record<ReferenceProblem, string>; print: (p: PrintProblem) => string; exists: string; outside: string; permission: string; io: string }>> = {
  en: {
    reference: {
      'not-a-package': 'it is not a Word document (.docx): it cannot be opened as one',
      'not-word': 'it is not a Word document (.docx): it has no document or styles part',
      damaged: 'its styles or page settings cannot be read; open it in Word and save it again',
    },
    print: (p) =>
      p.problem === 'timeout' ? `the browser did not finish printing within ${p.seconds} seconds`
      : p.problem === 'not-started' ? `the browser could not be started (${p.detail})`
      : p.problem === 'exited' ? `the browser stopped with code ${p.code}${p.detail ? ` (${p.detail})` : ''}`
      : `the browser wrote no PDF${p.detail ? ` (${p.detail})` : ''}`,
    exists: 'a file of that name appeared meanwhile; try again',
    outside: 'it is a link to a file outside its folder, which is not written through; the file was left as it was',
    permission: 'permission denied',
    io: 'the system could not write it',
  },
  es: {
    reference: {
      'not-a-package': 'no es un documento de Word (.docx): no se puede abrir como tal',
      'not-word': 'no es un documento de Word (.docx): no tiene parte de documento ni de estilos',
      damaged: 'no se pueden leer sus estilos ni su configuración de página; ábralo en Word y vuelva a guardarlo',
    },
    print: (p) =>
      p.problem === 'timeout' ? `el navegador no terminó de imprimir en ${p.seconds} segundos`
      : p.problem === 'not-started' ? `no se pudo iniciar el navegador (${p.detail})`
      : p.problem === 'exited' ? `el navegador se detuvo con el código ${p.code}${p.detail ? ` (${p.detail})` : ''}`
      : `el navegador no escribió ningún PDF${p.detail ? ` (${p.detail})` : ''}`,
    exists: 'entretanto apareció un archivo con ese nombre; vuelva a intentarlo',
    outside: 'es un enlace a un archivo fuera de su carpeta, y no se escribe a través de él; el archivo quedó como estaba',
    permission: 'permiso denegado',
    io: 'el sistema no pudo escribirlo',
  },
  fr: {
    reference: {
      'not-a-package': 'ce n’est pas un document Word (.docx) : il ne peut pas être ouvert comme tel',
      'not-word': 'ce n’est pas un document Word (.docx) : il n’a ni partie document ni partie styles',
      damaged: 'ses styles ou sa mise en page sont illisibles ; ouvrez-le dans Word et enregistrez-le à nouveau',
    },
    print: (p) =>
      p.problem === 'timeout' ? `le navigateur n’a pas fini d’imprimer en ${p.seconds} secondes`
      : p.problem === 'not-started' ? `le navigateur n’a pas pu être lancé (${p.detail})`
      : p.problem === 'exited' ? `le navigateur s’est arrêté avec le code ${p.code}${p.detail ? ` (${p.detail})` : ''}`
      : `le navigateur n’a écrit aucun PDF${p.detail ? ` (${p.detail})` : ''}`,
    exists: 'un fichier de ce nom est apparu entre-temps ; réessayez',
    outside: 'c’est un lien vers un fichier hors de son dossier, à travers lequel rien n’est écrit ; le fichier est resté tel quel',
    permission: 'permission refusée',
    io: 'le système n’a pas pu l’écrire',
  },
};

function whyIn(locale: Locale): Why {
  const p = PROBLEMS[locale];
  return {
    file: (failure, detail, maxBytes) => wordMessage(failureText(failure, detail, maxBytes), locale),
    reference: (problem) => p.reference[problem],
    print: p.print,
    write: (failure, detail) =>
      failure === 'exists' ? p.exists
      : failure === 'outside-project' ? p.outside
      : failure === 'permission' ? p.permission
      : failure === 'io' ? (detail ? wordMessage(detail, locale) : p.io)
      : failure === 'changed' || failure === 'no-space' ? wordMessage(msg(`cli.failure.${failure}`), locale)
      : wordMessage(failureText(failure, detail), locale),
  };
}

/** One message in the editor's language (English for a language the tables do not have). */
export function say<K extends WordMessageKey>(locale: Locale, key: K, ...args: Args[K] extends undefined ? [] : [Args[K]]): string {
  const lang: Locale = locale in TABLES ? locale : 'en';
  return (TABLES[lang][key] as (a: object, why: Why) => string)(args[0] ?? {}, whyIn(lang));
}

/** Why no browser can print, in the editor's words (a setting, not a command-line option). */
export function browserProblem(locale: Locale, problem: BrowserProblem): string {
  return problem.problem === 'no-browser' ? say(locale, 'noBrowser') : say(locale, 'browserNotFound', { named: problem.named });
}
