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
export const isWordCode = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;

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
    if (close < 0) return null;
    const after = branch.slice(close + 1);
    // An optional group ("(The )?Decider"): the match starts with the group or with what follows.
    const optional = after.startsWith("?") && !after.startsWith("??");
    if (!optional && QUANTIFIER.test(after)) return null;
    const inner = branch.slice(branch.startsWith("(?:") ? 3 : 1, close);
    if (inner.startsWith("?")) return null; // look-around or named group
    const found: string[] = [];
    for (const part of optional ? [...branches(inner), after.slice(1)] : branches(inner)) {
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

/**
 * Every prefix a pattern has been asked about, as a trie over the word characters, shared by
 * all documents (patterns are fixed, so it stops growing after the first analysis). Reading a
 * document walks each word down the trie once, noting the prefixes it starts with: no word
 * strings, no string-keyed maps, and nothing per pattern until a pattern is first used.
 *
 * The trie is a double array: the child of node `n` for a character's slot is the node at
 * `base[n] + slot` when that node's `parent` is `n` (a node without children has base 0, where
 * no cell's parent is that node). Its 2,500 or so nodes take a few tens of
 * KB this way, where a table of 37 slots a node took several hundred; the walk runs once per
 * character of every document, and with the table it was bound by cache misses.
 */
const SLOTS = 37;
/** Per ASCII code, its slot (letters in either case share one), or -1. */
const SLOT_OF = Int8Array.from({ length: 128 }, (_, code) =>
  code >= 97 && code <= 122 ? code - 97 : code >= 65 && code <= 90 ? code - 65 : code >= 48 && code <= 57 ? code - 22 : code === 95 ? 36 : -1,
);
const slotOf = (code: number) => (code < 128 ? SLOT_OF[code]! : -1);
const FREE = -1;
/** Per node, where its children start; 0 until it has one. */
let base = new Int32Array(512);
/** Per node, its parent, or FREE for an unused cell. The root is node 0, marked used by -2. */
let parent = new Int32Array(512).fill(FREE);
/** Per node, the id of the prefix ending there, or -1. */
let ends = new Int32Array(512).fill(-1);
parent[0] = -2;
let prefixCount = 0;
/** No cell below this is free. */
let firstFree = 1;

function grow(size: number): void {
  if (size <= parent.length) return;
  const length = Math.max(size, parent.length * 2);
  const widen = (from: Int32Array, fill: number) => {
    const wider = new Int32Array(length).fill(fill);
    wider.set(from);
    return wider;
  };
  base = widen(base, 0);
  parent = widen(parent, FREE);
  ends = widen(ends, -1);
}

/** The slots of node `n`'s children. */
function childSlots(n: number): number[] {
  const slots: number[] = [];
  if (!base[n]) return slots;
  for (let slot = 0; slot < SLOTS; slot++) if (parent[base[n]! + slot] === n) slots.push(slot);
  return slots;
}

/** Moves a node to a free cell, with its children's parent pointers. */
function move(from: number, to: number): void {
  for (const slot of childSlots(from)) parent[base[from]! + slot] = to;
  base[to] = base[from]!;
  ends[to] = ends[from]!;
  parent[to] = parent[from]!;
  base[from] = 0;
  ends[from] = -1;
  parent[from] = FREE;
  firstFree = Math.min(firstFree, from);
}

/** Adds a child to node `n` at `slot`, moving `n`'s other children if their cells do not leave room. */
function addChild(n: number, slot: number): number {
  if (!base[n] || parent[base[n]! + slot] !== FREE) {
    const slots = childSlots(n);
    while (parent[firstFree] !== FREE) firstFree++;
    // The first base where every child's cell is free; cells past the end are free once grown.
    let at = Math.max(1, firstFree - slot);
    for (; ; at++) {
      grow(at + SLOTS);
      if (parent[at + slot] === FREE && slots.every((s) => parent[at + s] === FREE)) break;
    }
    for (const s of slots) move(base[n]! + s, at + s);
    base[n] = at;
  }
  const child = base[n]! + slot;
  parent[child] = n;
  return child;
}

function prefixId(prefix: string): number {
  let node = 0;
  for (let i = 0; i < prefix.length; i++) {
    const slot = slotOf(prefix.charCodeAt(i));
    const child = base[node]! + slot;
    node = parent[child] === node ? child : addChild(node, slot);
  }
  if (ends[node]! < 0) ends[node] = prefixCount++;
  return ends[node]!;
}

const PREFIX_IDS = new WeakMap<RegExp, number[] | null>();

/** Ids of the pattern's prefixes in the shared trie (added on first use), or null if it has none. */
export function prefixIds(pattern: RegExp): number[] | null {
  let ids = PREFIX_IDS.get(pattern);
  if (ids === undefined) {
    ids = patternPrefixes(pattern)?.map(prefixId) ?? null;
    PREFIX_IDS.set(pattern, ids);
  }
  return ids;
}

/** Ids of the known prefixes the word starting at `at` begins with, shortest first. */
export function prefixesAt(text: string, at: number): number[] {
  const found: number[] = [];
  let node = 0;
  for (let i = at; i < text.length; i++) {
    const slot = slotOf(text.charCodeAt(i));
    if (slot < 0) break;
    const child = base[node]! + slot;
    if (parent[child] !== node) break;
    node = child;
    if (ends[node]! >= 0) found.push(ends[node]!);
  }
  return found;
}

export class WordIndex {
  /** Prefixes known when the texts were read; a pattern with a later one is simply run. */
  private readonly known: number;
  /** Per prefix id, the texts holding a word that starts with it, ascending. */
  private readonly holders: number[][] = [];
  private readonly candidates = new Map<RegExp, Uint8Array | null>();

  constructor(private readonly texts: readonly string[]) {
    this.known = prefixCount;
    const lastText = new Int32Array(prefixCount).fill(-1);
    // Locals: the loop below runs once per character of the document.
    const [childBase, parentOf, prefixEnding] = [base, parent, ends];
    for (let t = 0; t < texts.length; t++) {
      const text = texts[t]!;
      let node = 0;
      let inWord = false;
      for (let i = 0; i < text.length; i++) {
        const slot = slotOf(text.charCodeAt(i));
        if (slot < 0) {
          inWord = false;
          continue;
        }
        // A word's first letter starts at the root; once it leaves the trie, the rest of it is skipped.
        if (!inWord) {
          inWord = true;
          node = 0;
        } else if (node < 0) continue;
        const child = childBase[node]! + slot;
        node = parentOf[child] === node ? child : -1;
        if (node < 0) continue;
        const id = prefixEnding[node]!;
        if (id >= 0 && lastText[id] !== t) {
          lastText[id] = t;
          (this.holders[id] ??= []).push(t);
        }
      }
    }
  }

  /** Which texts could match the pattern (1), or null when every text must be tried. */
  private candidatesFor(pattern: RegExp): Uint8Array | null {
    let marks = this.candidates.get(pattern);
    if (marks === undefined) {
      const ids = prefixIds(pattern);
      marks = ids && !ids.some((id) => id >= this.known) ? new Uint8Array(this.texts.length) : null;
      for (const id of marks ? ids! : []) for (const t of this.holders[id] ?? []) marks![t] = 1;
      this.candidates.set(pattern, marks);
    }
    return marks;
  }

  /**
   * False when none of the texts can match the pattern, nor any string joining them with
   * non-word characters between (every word of such a string is a word of one of the texts).
   */
  mayMatchAny(pattern: RegExp, indices: readonly number[]): boolean {
    const marks = this.candidatesFor(pattern);
    return !marks || indices.some((i) => marks[i] === 1);
  }

  /** False when text `i` cannot match the pattern. */
  mayMatch(pattern: RegExp, i: number): boolean {
    const marks = this.candidatesFor(pattern);
    return !marks || marks[i] === 1;
  }

  /** Whether text `i` matches the pattern; the same answer as `pattern.test(texts[i])`. */
  test(pattern: RegExp, i: number): boolean {
    if (!this.mayMatch(pattern, i)) return false;
    pattern.lastIndex = 0;
    const found = pattern.test(this.texts[i]!);
    pattern.lastIndex = 0;
    return found;
  }
}
