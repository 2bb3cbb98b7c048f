/**
 * A word index over a document's sentences, so a pattern is run only on the sentences that
 * could match it.
 *
 * Most rubric patterns are alternations whose every branch starts with `\b` and a literal
 * ("\bSENCO\b|\bspecial educational needs co-?ordinator\b|..."). Such a branch can match only
 * where a word starts with that literal, so the sentences holding a word with one of the
 * pattern's leading literals are the only candidates. Irregexp tries every branch at every
 * word start, which made testing each of hundreds of patterns against each sentence most of
 * the cost of an analysis; a prefix lookup in the sorted vocabulary is far cheaper.
 *
 * A pattern whose branches do not all start that way has no prefilter and is always run.
 */

/** `\b` word characters (non-Unicode regular expressions): ASCII letters, digits and `_`. */
const isWordCode = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;

/** Each maximal run of word characters, lower-cased: where a `\b`-led branch can start. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const word = i < text.length && isWordCode(text.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      words.push(text.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return words;
}

/** Index of the matching `)` for the `(` at `open`, skipping escapes and character classes. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (ch === "[") i = classEnd(source, i);
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  return -1;
}

function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "]") return i;
  }
  return source.length;
}

/** The branches of an alternation at the top level of `source`. */
function branches(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (ch === "[") i = classEnd(source, i);
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

const QUANTIFIER = /^(?:[?*]|\{0)/;

/**
 * The literal word characters a branch must start with (lower-cased), or null when it may
 * start otherwise. `\b` has already been checked by the caller.
 */
function leadingLiterals(branch: string): string[] | null {
  if (branch.startsWith("(")) {
    const close = closingParen(branch, 0);
    if (close < 0 || QUANTIFIER.test(branch.slice(close + 1))) return null;
    const inner = branch.slice(branch.startsWith("(?:") ? 3 : 1, close);
    if (inner.startsWith("?")) return null; // look-around or named group
    const found: string[] = [];
    for (const part of branches(inner)) {
      const literals = leadingLiterals(part);
      if (!literals) return null;
      found.push(...literals);
    }
    return found;
  }
  let end = 0;
  while (end < branch.length && isWordCode(branch.charCodeAt(end))) end++;
  // A quantifier after the last letter makes that letter optional ("SENCOs?", "SENC?O").
  if (end > 0 && QUANTIFIER.test(branch.slice(end))) end--;
  return end > 0 ? [branch.slice(0, end).toLowerCase()] : null;
}

const PREFIXES = new WeakMap<RegExp, string[] | null>();

/** The literals every match of the pattern starts a word with, or null if it has none. */
export function patternPrefixes(pattern: RegExp): string[] | null {
  if (PREFIXES.has(pattern)) return PREFIXES.get(pattern)!;
  let prefixes: string[] | null = [];
  if (/[uvmy]/.test(pattern.flags)) prefixes = null;
  for (const branch of prefixes ? branches(pattern.source) : []) {
    const literals = branch.startsWith("\\b") ? leadingLiterals(branch.slice(2)) : null;
    if (!literals) {
      prefixes = null;
      break;
    }
    prefixes!.push(...literals);
  }
  PREFIXES.set(pattern, prefixes);
  return prefixes;
}

export class WordIndex {
  /** Distinct words, sorted, each with the sentences that hold it. */
  private readonly vocabulary: string[];
  private readonly holders: number[][];
  private readonly candidates = new Map<RegExp, Uint8Array | null>();

  constructor(private readonly texts: readonly string[]) {
    const byWord = new Map<string, number[]>();
    texts.forEach((text, i) => {
      for (const word of wordsOf(text)) {
        const list = byWord.get(word);
        if (!list) byWord.set(word, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    this.vocabulary = [...byWord.keys()].sort();
    this.holders = this.vocabulary.map((word) => byWord.get(word)!);
  }

  /** Which texts could match the pattern (1), or null when every text must be tried. */
  private candidatesFor(pattern: RegExp): Uint8Array | null {
    let marks = this.candidates.get(pattern);
    if (marks === undefined) {
      const prefixes = patternPrefixes(pattern);
      marks = prefixes && new Uint8Array(this.texts.length);
      for (const prefix of prefixes ?? []) {
        for (let at = this.lowerBound(prefix); at < this.vocabulary.length && this.vocabulary[at]!.startsWith(prefix); at++) {
          for (const i of this.holders[at]!) marks![i] = 1;
        }
      }
      this.candidates.set(pattern, marks);
    }
    return marks;
  }

  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocabulary[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether text `i` matches the pattern; the same answer as `pattern.test(texts[i])`. */
  test(pattern: RegExp, i: number): boolean {
    const marks = this.candidatesFor(pattern);
    if (marks && !marks[i]) return false;
    pattern.lastIndex = 0;
    const found = pattern.test(this.texts[i]!);
    pattern.lastIndex = 0;
    return found;
  }
}
