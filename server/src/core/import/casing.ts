/**
 * Headings written in capitals ("SDG 16.2 ENDING ABUSE, EXPLOITATION AND HUMAN TRAFFICKING") are
 * put in sentence case. Which words keep their capitals is learnt from the document itself: a word
 * written in capitals or with a capital inside ordinary sentences of the same document (UNODC,
 * Mexico, LGBTIQ+) keeps that form; every other word is lowered.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’+-]*/gu;

export class Casing {
  private readonly forms = new Map<string, Map<string, number>>();

  /** Learns the forms words take inside the sentences of `text` (not at a sentence's start). */
  learn(text: string): void {
    if (isShouting(text)) return;
    for (const sentence of text.split(/(?<=[.!?:;])\s+|\n+/)) {
      const words = [...sentence.matchAll(WORD)].map((m) => m[0]);
      words.forEach((word, i) => {
        // A run of words in capitals is a heading written into the sentence ("SDG 16.1 REDUCING
        // VIOLENCE: …"), not acronyms.
        const shouting = isShouting(word) && (isShouting(words[i - 1] ?? '') || isShouting(words[i + 1] ?? ''));
        if (i > 0 && !shouting) {
          const key = word.toLowerCase();
          const counts = this.forms.get(key) ?? new Map<string, number>();
          counts.set(word, (counts.get(word) ?? 0) + 1);
          this.forms.set(key, counts);
        }
      });
    }
  }

  /** Learns names (a country, a team) as they are written: each word keeps its capitals. */
  learnNames(text: string): void {
    if (isShouting(text)) return;
    for (const match of text.matchAll(WORD)) {
      const word = match[0];
      const counts = this.forms.get(word.toLowerCase()) ?? new Map<string, number>();
      counts.set(word, (counts.get(word) ?? 0) + 1);
      this.forms.set(word.toLowerCase(), counts);
    }
  }

  /** The form a word usually takes in the document's sentences; undefined when it is never seen there. */
  private usual(word: string): string | undefined {
    const counts = this.forms.get(word.toLowerCase());
    if (!counts) return undefined;
    let best: string | undefined;
    let most = 0;
    for (const [form, n] of counts) {
      if (n > most) {
        best = form;
        most = n;
      }
    }
    return best;
  }

  /** `text` in sentence case when it is written in capitals; as it is otherwise. */
  sentence(text: string): string {
    if (!isShouting(text)) return text;
    let first = true;
    return text.replace(WORD, (word) => {
      const known = this.usual(word);
      let out = known && known !== known.toLowerCase() ? known : word.toLowerCase();
      if (first) out = out.charAt(0).toUpperCase() + out.slice(1);
      first = false;
      return out;
    });
  }
}

/** Written in capitals: at least two letters and no lower-case letter. */
export function isShouting(text: string): boolean {
  let letters = 0;
  for (const c of text) {
    if (c.toLowerCase() !== c) letters++;
    else if (c.toUpperCase() !== c) return false;
  }
  return letters >= 2;
}
