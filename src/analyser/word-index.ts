/**
 * A word index over a document's sentences, so a pattern is run only on the sentences that
 * could match it.
 *
 * Most rubric patterns are alternations of phrases set between `\b`s ("\bSENCO\b|\bspecial
 * educational needs co-?ordinator\b|..."). A branch can match only a text holding every word
 * the branch must start (here "special", "educational", "needs", "co"), so only the sentences
 * holding all the words of some branch are candidates. Irregexp tries every branch at every
 * word start, which made testing each of hundreds of patterns against each sentence most of
 * the cost of an analysis; looking the words up is far cheaper.
 *
 * A pattern with a branch that needs no word the reader below can tell has no prefilter and
 * is always run. `PatternSet`, at the end, reads patterns the same way to try a fixed list of
 * them on short texts one at a time, such as headings.
 */
import { Utf8Buffer } from "../lib/utf8";

/** `\b` word characters (non-Unicode regular expressions): ASCII letters, digits and `_`. */
const isWordCode = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;

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

/** A `{n}`, `{n,}` or `{n,m}` quantifier, read where it stands. */
const BRACES = /\{(\d+)(?:,\d*)?\}/y;
/** The opening of a look-ahead or look-behind, read where it stands. */
const LOOKAROUND = /\(\?<?[=!]/y;

/** The length of the quantifier at `at` (0 when there is none) and whether it allows no repeat. */
function quantifierAt(source: string, at: number): { length: number; optional: boolean } {
  const ch = source[at];
  let length = 0;
  let optional = false;
  if (ch === "?" || ch === "*") [length, optional] = [1, true];
  else if (ch === "+") length = 1;
  else if (ch === "{") {
    BRACES.lastIndex = at;
    const quantifier = BRACES.exec(source);
    if (quantifier) [length, optional] = [quantifier[0].length, Number(quantifier[1]) === 0];
  }
  if (length && source[at + length] === "?") length++; // lazy
  return { length, optional };
}

/** A character class that holds no word character ("[- ]", "[\s,]"), so what follows it starts a word. */
function isNonWordClass(content: string): boolean {
  if (content.startsWith("^")) return false;
  for (let i = 0; i < content.length; i++) {
    const escaped = content[i] === "\\";
    if (escaped) i++;
    if (isWordCode(content.charCodeAt(i)) && !(escaped && content[i] === "s")) return false;
  }
  return true;
}

/**
 * Reads `source` from left to right, adding to `clauses` the words every match of it holds
 * (a clause lists prefixes, one of which a word of the text must start with), and returns
 * whether a word character right after it would start a word. `wordStart` says that of the
 * position before it. A word counts only where it must start a word: after `\b`, or after a
 * space or other non-word character that cannot be left out. Reading stops at anything it does
 * not follow, so a clause is never a word the match could do without.
 */
function readWords(source: string, wordStart: boolean, clauses: string[][]): boolean {
  let word = "";
  let recording = false;
  let complete = true;
  const endWord = () => {
    if (recording && word) clauses.push([word.toLowerCase()]);
    recording = false;
    word = "";
  };
  for (let i = 0; i < source.length; ) {
    const ch = source[i]!;
    let end = i + 1;
    let kind: "boundary" | "word" | "nonword" | "any" | "group" | "lookaround";
    if (ch === "\\") {
      const escaped = source[i + 1] ?? "";
      end = i + 2;
      if (escaped === "b") kind = "boundary";
      else if (escaped === "s" || escaped === "W" || (escaped && !isWordCode(escaped.charCodeAt(0)))) kind = "nonword";
      else if (escaped === "d" || escaped === "w") kind = "any";
      else {
        complete = false;
        break;
      }
    } else if (ch === "[") {
      end = classEnd(source, i) + 1;
      kind = isNonWordClass(source.slice(i + 1, end - 1)) ? "nonword" : "any";
    } else if (ch === "(") {
      end = closingParen(source, i) + 1;
      if (end <= i) {
        complete = false;
        break;
      }
      LOOKAROUND.lastIndex = i;
      kind = LOOKAROUND.test(source) ? "lookaround" : "group";
    } else if (ch === ".") kind = "any";
    // The start of the text (no "m" flag is read): a word character after it starts a word.
    else if (ch === "^") kind = "boundary";
    else if ("$|)]{}?*+".includes(ch)) {
      complete = false;
      break;
    } else kind = isWordCode(ch.charCodeAt(0)) ? "word" : "nonword";
    const { length, optional } = quantifierAt(source, end);
    const atomStart = i;
    i = end + length;

    if (kind === "word") {
      if (!recording && wordStart) recording = true;
      if (recording && !optional) word += ch;
      // A repeated or optional letter leaves the rest of the word unknown.
      if (length) endWord();
      wordStart = false;
      continue;
    }
    endWord();
    if (kind === "boundary") wordStart = true;
    else if (kind === "nonword") wordStart = optional ? wordStart : true;
    else if (kind === "any") wordStart = false;
    else if (kind === "group") {
      const inner = source.slice(atomStart + 1, end - 1).replace(/^\?(?::|<[A-Za-z_]\w*>)/, "");
      const alternatives = branches(inner).map((alternative) => {
        const found: string[][] = [];
        return { found, after: readWords(alternative, wordStart, found) };
      });
      // A group that must be there: its one alternative's words, or one word from each alternative.
      if (!optional && alternatives.length === 1) clauses.push(...alternatives[0]!.found);
      else if (!optional && alternatives.every((a) => a.found.length)) clauses.push([...new Set(alternatives.flatMap((a) => a.found[0]!))]);
      const after = alternatives.every((a) => a.after);
      wordStart = optional ? wordStart && after : after;
    }
    // A look-around takes no characters: the position after it is the position before.
  }
  endWord();
  return complete && wordStart;
}

/**
 * The branches less those that need every clause of another branch and more: a text holding
 * them all holds the other's too, so they add no candidate.
 */
function withoutImplied(branches: string[][][]): string[][][] {
  const keys = branches.map((clauses) => new Set(clauses.map((clause) => [...clause].sort().join("|"))));
  const implies = (i: number, j: number) => keys[i]!.size > keys[j]!.size || (keys[i]!.size === keys[j]!.size && i > j);
  return branches.filter((_, i) => !keys.some((other, j) => j !== i && implies(i, j) && [...other].every((key) => keys[i]!.has(key))));
}

const CLAUSES = new WeakMap<RegExp, string[][][] | null>();

/** How many branches a pattern may be spread into by `distributed`. */
const MAX_BRANCHES = 128;

/**
 * Where a branch has, outside any group, an optional separator between two letters ("co-?produc",
 * "P[- ]?scales"): the separator's start and end (its "?" included), or null.
 */
function optionalSeparator(branch: string): [number, number] | null {
  for (let i = 0; i < branch.length; i++) {
    const ch = branch[i]!;
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "(") {
      i = closingParen(branch, i);
      if (i < 0) return null;
      continue;
    }
    const end = ch === "-" ? i + 1 : ch === "[" ? classEnd(branch, i) + 1 : -1;
    if (end < 0) continue;
    const separator = ch === "-" || isNonWordClass(branch.slice(i + 1, end - 1));
    // Letters on both sides, the one before not an escape such as \d.
    const between = i > 0 && isWordCode(branch.charCodeAt(i - 1)) && branch[i - 2] !== "\\" && isWordCode(branch.charCodeAt(end + 1));
    if (separator && between && branch[end] === "?") return [i, end + 1];
    if (ch === "[") i = end - 1;
  }
  return null;
}

/**
 * The branches of `source`, spread so that the word reader sees each way a match can go, all of
 * which match the same texts:
 * - a group of alternatives opening a branch after `\b`: `\b(?:we value|is important to us)\b`
 *   reads as `\bwe value\b|\bis important to us\b`. Read whole, it yields one clause of each
 *   alternative's first word ("we", "is"), which most sentences hold;
 * - an optional separator between letters: `co-?produc` reads as `co-produc|coproduc`, where
 *   read whole it yields only "co".
 */
function distributed(source: string): string[] {
  const spread: string[] = [];
  for (const branch of branches(source)) {
    const close = branch.startsWith("\\b(?:") ? closingParen(branch, 2) : -1;
    const after = close > 0 ? branch.slice(close + 1) : "";
    const separator = optionalSeparator(branch);
    if (close > 0 && !/^[?*+{]/.test(after)) for (const alternative of distributed(branch.slice(5, close))) spread.push(...distributed(`\\b${alternative}${after}`));
    else if (separator) spread.push(...distributed(`${branch.slice(0, separator[0])}${branch.slice(separator[0], separator[1] - 1)}${branch.slice(separator[1])}|${branch.slice(0, separator[0])}${branch.slice(separator[1])}`));
    else spread.push(branch);
    if (spread.length > MAX_BRANCHES) return branches(source);
  }
  return spread;
}

/**
 * Per branch of the pattern, the words its every match holds (see `readWords`), or null when
 * some branch holds none the reader can tell.
 */
export function patternClauses(pattern: RegExp): string[][][] | null {
  let found = CLAUSES.get(pattern);
  if (found === undefined) {
    found = /[uvmy]/.test(pattern.flags)
      ? null
      : distributed(pattern.source).map((branch) => {
          const clauses: string[][] = [];
          readWords(branch, false, clauses);
          return clauses;
        });
    found = found?.some((clauses) => !clauses.length) ? null : found && withoutImplied(found);
    CLAUSES.set(pattern, found);
  }
  return found;
}

/**
 * Every prefix a pattern has been asked about, as a trie over the word characters, shared by
 * all documents (patterns are fixed, so it stops growing after the first analysis). Reading a
 * document walks each word down the trie once, noting the prefixes it starts with: no word
 * strings, no string-keyed maps, and nothing per pattern until a pattern is first used.
 *
 * The trie is a double array: the child of node `n` for a character's slot is the node at
 * `base[n] + slot` when that node's `parent` is `n` (a node without children has base 0, where
 * no cell's parent is that node). Its 3,700 or so nodes take about 48 KB this way, where a
 * table of 37 slots a node would take over 500; the walk runs once per character of every
 * document, and with the table it was bound by cache misses.
 */
const SLOTS = 37;
/** Per ASCII code, its slot (letters in either case share one), or -1. */
const SLOT_OF = Int8Array.from({ length: 128 }, (_, code) =>
  code >= 97 && code <= 122 ? code - 97 : code >= 65 && code <= 90 ? code - 65 : code >= 48 && code <= 57 ? code - 22 : code === 95 ? 36 : -1,
);
const slotOf = (code: number) => (code < 128 ? SLOT_OF[code]! : -1);
/** Per UTF-8 byte, its slot: -1 for every byte of a character beyond ASCII, as for its code. */
const BYTE_SLOT = Int8Array.from({ length: 256 }, (_, byte) => slotOf(byte));

/** The texts' bytes as the index reads them. */
const utf8 = new Utf8Buffer();
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

/**
 * Calls `found` with the start of each word of the text (a run of `\b` word characters) and
 * the id of each known prefix the word begins with, shortest first: one walk down the trie per
 * word, in one pass over the text.
 */
export function eachWordPrefix(text: string, found: (at: number, id: number) => void): void {
  let node = -1;
  let start = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const slot = slotOf(text.charCodeAt(i));
    if (slot < 0) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      start = i;
      node = 0;
    } else if (node < 0) continue;
    const child = base[node]! + slot;
    node = parent[child] === node ? child : -1;
    if (node >= 0 && ends[node]! >= 0) found(start, ends[node]!);
  }
}

/** The length of a clause's shortest word: the longer, the fewer texts hold the clause. */
const shortest = (clause: string[]) => Math.min(...clause.map((word) => word.length));

const CLAUSE_IDS = new WeakMap<RegExp, Int32Array | null>();

/**
 * The pattern's clauses (`patternClauses`) as prefix ids in the shared trie, added on first
 * use, laid out flat for the per-document marking: the number of branches, then per branch
 * the number of clauses, then per clause the number of ids and the ids.
 */
function clauseIds(pattern: RegExp): Int32Array | null {
  let ids = CLAUSE_IDS.get(pattern);
  if (ids === undefined) {
    const branches = patternClauses(pattern);
    // Longer words first: they are rarer, so a branch no text can match is usually told by its first clause.
    const ordered = branches?.map((clauses) => [...clauses].sort((a, b) => shortest(b) - shortest(a)));
    ids = ordered ? Int32Array.from([ordered.length, ...ordered.flatMap((clauses) => [clauses.length, ...clauses.flatMap((clause) => [clause.length, ...clause.map(prefixId)])])]) : null;
    CLAUSE_IDS.set(pattern, ids);
  }
  return ids;
}

/**
 * Where a pattern's rows start in `WordIndex.marks`, a bit per text: whether the pattern could
 * match the text (`each`), and whether the text holds the rarest word of some branch (`any`).
 */
interface Candidates {
  each: number;
  any: number;
}

const [NEWER, UNHELD, HELD] = [0, 1, 2] as const;

/** How many bits of `x` are set. */
function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export class WordIndex {
  /** Prefixes known when the texts were read; a clause with a later one is not used. */
  private readonly known: number;
  /** Words of 32 bits in a set of texts: a row. */
  private readonly width: number;
  /** Per known prefix id, a row: the texts holding a word that starts with it. */
  private readonly holders: Int32Array;
  /** Per known prefix id, 1 if any text holds it. */
  private readonly held: Uint8Array;
  private readonly candidates = new Map<RegExp, Candidates | null>();
  /**
   * The rows of every pattern asked about, in one buffer rather than an array per pattern:
   * allocating a typed array costs far more here than filling one.
   */
  private marks = new Int32Array(0);
  private rows = 0;
  /** Rows for working out a branch: the texts holding all its clauses so far, a clause, the rarest clause. */
  private readonly all: Int32Array;
  private readonly clause: Int32Array;
  private readonly rarest: Int32Array;

  constructor(private readonly texts: readonly string[]) {
    const known = (this.known = prefixCount);
    const width = (this.width = (texts.length >> 5) + 1);
    const holders = (this.holders = new Int32Array(known * width));
    const held = (this.held = new Uint8Array(known));
    [this.all, this.clause, this.rarest] = [new Int32Array(width), new Int32Array(width), new Int32Array(width)];
    // Locals: the loop below runs once per character of the document.
    const [childBase, parentOf, prefixEnding] = [base, parent, ends];
    for (let t = 0; t < texts.length; t++) {
      const length = utf8.write(texts[t]!);
      const bytes = utf8.bytes;
      const [word, bit] = [t >> 5, 1 << (t & 31)];
      let node = 0;
      let inWord = false;
      for (let i = 0; i < length; i++) {
        const slot = BYTE_SLOT[bytes[i]!]!;
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
        if (id >= 0) {
          holders[id * width + word] |= bit;
          held[id] = 1;
        }
      }
    }
  }

  /** Which texts could match the pattern, or null when every text must be tried. */
  private candidatesFor(pattern: RegExp): Candidates | null {
    let marks = this.candidates.get(pattern);
    if (marks === undefined) {
      const program = clauseIds(pattern);
      marks = program && this.mark(program);
      this.candidates.set(pattern, marks);
    }
    return marks;
  }

  /**
   * Marks the texts holding every clause of some branch (`each`), and those holding the
   * rarest clause of a branch whose every clause some text holds (`any`), 32 texts at a time.
   * A clause with a prefix added to the trie after the texts were read is not used; a branch
   * with no other clause leaves the pattern unfiltered (null).
   */
  private mark(program: Int32Array): Candidates | null {
    const { width, holders, all, clause, rarest } = this;
    const [each, any] = [this.row(), this.row()];
    const marks = this.marks;
    let at = 1;
    for (let b = program[0]!; b > 0; b--) {
      const clauseCount = program[at++]!;
      let used = 0;
      let fewest = Infinity;
      for (let c = 0; c < clauseCount; c++, at += program[at]! + 1) {
        if (fewest === 0) continue;
        // Most branches need a word no text holds: that is told without reading any row.
        const state = this.clauseState(program, at);
        if (state === NEWER) continue;
        used++;
        if (state === UNHELD) {
          fewest = 0;
          continue;
        }
        // Loops rather than fill() and set(): with rows a few words long, the calls cost more.
        let count = 0;
        for (let w = 0; w < width; w++) {
          let bits = 0;
          for (let k = 1; k <= program[at]!; k++) bits |= holders[program[at + k]! * width + w]!;
          clause[w] = bits;
          all[w] = used > 1 ? all[w]! & bits : bits;
          count += bitCount(bits);
        }
        if (count < fewest) {
          fewest = count;
          for (let w = 0; w < width; w++) rarest[w] = clause[w]!;
        }
      }
      if (!used && fewest) return null;
      if (!fewest) continue;
      for (let w = 0; w < width; w++) {
        marks[each + w]! |= all[w]!;
        marks[any + w]! |= rarest[w]!;
      }
    }
    return { each, any };
  }

  /** Whether the clause at `at` has a prefix newer than the texts, else whether any text holds one of its prefixes. */
  private clauseState(program: Int32Array, at: number): typeof NEWER | typeof UNHELD | typeof HELD {
    let state: typeof UNHELD | typeof HELD = UNHELD;
    for (let k = 1; k <= program[at]!; k++) {
      const id = program[at + k]!;
      if (id >= this.known) return NEWER;
      if (this.held[id]) state = HELD;
    }
    return state;
  }

  /** A fresh row of marks, all 0: its offset in `marks`. */
  private row(): number {
    if ((this.rows + 1) * this.width > this.marks.length) {
      const wider = new Int32Array(Math.max(128 * this.width, 2 * this.marks.length));
      wider.set(this.marks);
      this.marks = wider;
    }
    return this.rows++ * this.width;
  }

  /**
   * False when none of the texts can match the pattern, nor any string joining them with
   * non-word characters between (every word of such a string is a word of one of the texts,
   * so the rarest word of the branch that matches is in one of them).
   */
  mayMatchAny(pattern: RegExp, indices: readonly number[]): boolean {
    const marks = this.candidatesFor(pattern);
    return !marks || indices.some((i) => (this.marks[marks.any + (i >> 5)]! >>> (i & 31)) & 1);
  }

  /** False when text `i` cannot match the pattern. */
  mayMatch(pattern: RegExp, i: number): boolean {
    const marks = this.candidatesFor(pattern);
    return !marks || ((this.marks[marks.each + (i >> 5)]! >>> (i & 31)) & 1) === 1;
  }

  /** Whether text `i` matches the pattern; the same answer as `pattern.test(texts[i])`. */
  test(pattern: RegExp, i: number): boolean {
    return this.mayMatch(pattern, i) && this.run(pattern, i);
  }

  /**
   * The texts that match any of the patterns, in order. Only the texts the index allows are
   * tried, read off each pattern's row 32 at a time, rather than every text asked about in turn.
   */
  textsMatching(...patterns: RegExp[]): number[] {
    if (patterns.length === 1) return this.textsMatchingOne(patterns[0]!);
    return [...new Set(patterns.flatMap((pattern) => this.textsMatchingOne(pattern)))].sort((a, b) => a - b);
  }

  private textsMatchingOne(pattern: RegExp): number[] {
    const marks = this.candidatesFor(pattern);
    const found: number[] = [];
    if (!marks) {
      for (let i = 0; i < this.texts.length; i++) if (this.run(pattern, i)) found.push(i);
      return found;
    }
    for (let w = 0; w < this.width; w++) {
      // Lowest set bit first, so the texts come in order.
      for (let bits = this.marks[marks.each + w]!; bits !== 0; bits &= bits - 1) {
        const i = (w << 5) + 31 - Math.clz32(bits & -bits);
        if (this.run(pattern, i)) found.push(i);
      }
    }
    return found;
  }

  private run(pattern: RegExp, i: number): boolean {
    pattern.lastIndex = 0;
    const found = pattern.test(this.texts[i]!);
    pattern.lastIndex = 0;
    return found;
  }
}

/**
 * A fixed list of patterns tried on short texts one at a time, such as headings: walking a
 * text's words down the trie once tells which patterns could match it, and only those run.
 * A branch is looked for by one of its clauses (the one with the longest words, which the
 * fewest texts hold), or by the literal it starts with when it has none ("identif" in
 * "identif|\bneeds ..."). A pattern with a branch that has neither always runs.
 */
export class PatternSet {
  /** Per pattern, 1 when it runs on every text. */
  private readonly always: Uint8Array;
  /** Per prefix id, the patterns with a branch needing a word that starts with it (a dense array: ids run from 0). */
  private readonly byPrefix: Array<number[] | null>;
  /**
   * Literals a branch starts with, and the patterns with such a branch, grouped by their first
   * two characters when both are ASCII; the few others are searched for whole.
   */
  private readonly literalGroups: Array<Array<{ literal: string; pattern: number }>> = [];
  /** Per pair of ASCII codes (first × 128 + second), 1 + the place of its group, or 0. */
  private readonly groupOfPair = new Uint8Array(128 * 128);
  private readonly otherLiterals: Array<{ literal: string; pattern: number }> = [];
  /** Per pattern, the last call (by count) whose text could match it: no array to clear per call. */
  private readonly mayIn: Int32Array;
  private calls = 0;

  constructor(readonly patterns: readonly RegExp[]) {
    this.always = new Uint8Array(patterns.length);
    this.mayIn = new Int32Array(patterns.length);
    const byPrefix = new Map<number, number[]>();
    patterns.forEach((pattern, p) => {
      const needs = /[uvmy]/.test(pattern.flags) ? [null] : branches(pattern.source).map(branchNeeds);
      if (needs.some((need) => need === null)) {
        this.always[p] = 1;
        return;
      }
      for (const need of needs as Array<string | string[]>) {
        if (typeof need === "string") this.addLiteral(need, p);
        else for (const id of need.map(prefixId)) byPrefix.set(id, [...(byPrefix.get(id) ?? []), p]);
      }
    });
    this.byPrefix = Array.from({ length: prefixCount }, (_, id) => byPrefix.get(id) ?? null);
  }

  private addLiteral(literal: string, pattern: number) {
    const [first, second] = [literal.charCodeAt(0), literal.charCodeAt(1)];
    const pair = first * 128 + second;
    // A group's place must fit its byte; past 255 groups, literals are searched for whole.
    if (!(first < 128 && second < 128) || (!this.groupOfPair[pair] && this.literalGroups.length === 255)) return void this.otherLiterals.push({ literal, pattern });
    if (!this.groupOfPair[pair]) this.groupOfPair[pair] = this.literalGroups.push([]);
    this.literalGroups[this.groupOfPair[pair]! - 1]!.push({ literal, pattern });
  }

  /** The places in `patterns` of those that match the text, in order. */
  matching(text: string): number[] {
    const [may, call, byPrefix] = [this.mayIn, ++this.calls, this.byPrefix];
    eachWordPrefix(text, (_, id) => {
      // Prefixes added to the trie after this set was made are past the end of byPrefix.
      const patterns = id < byPrefix.length ? byPrefix[id] : null;
      if (patterns) for (const p of patterns) may[p] = call;
    });
    // One pass over the text finds where a literal could start, rather than a search per literal.
    if (this.literalGroups.length || this.otherLiterals.length) {
      const [lower, groupOfPair] = [text.toLowerCase(), this.groupOfPair];
      for (let i = 0, next = lower.charCodeAt(0); i + 1 < lower.length; i++) {
        const code = next;
        next = lower.charCodeAt(i + 1);
        const group = code < 128 && next < 128 ? groupOfPair[code * 128 + next]! : 0;
        if (group) for (const { literal, pattern } of this.literalGroups[group - 1]!) if (may[pattern] !== call && lower.startsWith(literal, i)) may[pattern] = call;
      }
      for (const { literal, pattern } of this.otherLiterals) if (may[pattern] !== call && lower.includes(literal)) may[pattern] = call;
    }
    const found: number[] = [];
    for (let p = 0; p < may.length; p++) {
      if (may[p] !== call && !this.always[p]) continue;
      const pattern = this.patterns[p]!;
      pattern.lastIndex = 0;
      if (pattern.test(text)) found.push(p);
      pattern.lastIndex = 0;
    }
    return found;
  }
}

/**
 * What a match of one branch must hold: the prefixes of its rarest clause, one of which starts a
 * word, or else the literal (lower-cased) it starts with; null when neither can be told.
 */
function branchNeeds(branch: string): string[] | string | null {
  const clauses: string[][] = [];
  readWords(branch, false, clauses);
  if (clauses.length) return clauses.reduce((best, clause) => (shortest(clause) > shortest(best) ? clause : best));
  const literals = leadingLiterals(branch);
  return literals?.length === 1 ? literals[0]! : null;
}
