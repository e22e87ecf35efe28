import type { Language } from '../types.js';

/** How the settings name a rule's default severity, per language. */
export const SEVERITY_NAMES: Readonly<Record<Language, Readonly<Record<'error' | 'warning' | 'info', string>>>> = {
  en: { error: 'error', warning: 'warning', info: 'info' },
  es: { error: 'error', warning: 'advertencia', info: 'información' },
  fr: { error: 'erreur', warning: 'avertissement', info: 'information' },
};
