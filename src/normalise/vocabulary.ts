/**
 * The controlled vocabulary of provision items (data/vocabulary/provisions.csv) and a
 * matcher from free text to those items. Runtime-neutral: the pipeline uses it to tag
 * statement parts, and the API can use it to check a parent's free-text line ("she has a
 * visual timetable and ear defenders") against an LA's provision.
 *
 *   const matcher = createVocabularyMatcher(parseVocabularyCsv(csvText));
 *   matcher.match("Offer coloured overlays and cream paper");
 *   // [{ itemId: "coloured_overlays", label: "Coloured overlays and paper", score: 0.95,
 *   //    fragment: "coloured overlays", start: 6, end: 23, ... }]
 *
 * Matching is by rule, so it is deterministic and explainable: each item has a label and
 * synonyms; text and phrases are folded (case, accents, punctuation), stop words dropped and
 * words reduced to a simple stem ("timetables" → "timetabl"). A phrase found as a run of
 * words scores 1.0 for the label and 0.95 for a synonym; all of a phrase's words found close
 * together, in any order, score 0.75. Longer phrases win ties, so "sensory circuit" beats
 * "sensory". Scores are comparable across calls, not probabilities.
 */
import { parse } from "csv-parse/sync";
import type { ITEM_TYPES } from "../db/schema";
import type { Area } from "./areas";
import type { CanonicalTier } from "./tiers";

export type ItemType = (typeof ITEM_TYPES)[number];

export interface VocabularyItem {
  id: string;
  label: string;
  definition: string;
  area: Area;
  itemType: ItemType;
  typicalTier: CanonicalTier;
  synonyms: string[];
  /** LA codes whose published guidance was seen (by desk research) to include the item. */
  seenIn: string[];
}

export interface VocabularyMatch {
  itemId: string;
  label: string;
  area: Area;
  score: number;
  /** The words of the input that matched, as written, and where they are. */
  fragment: string;
  start: number;
  end: number;
  /** The label or synonym that matched. */
  matchedPhrase: string;
}

export interface MatchOptions {
  /** Drop matches scoring below this (default 0.7). */
  minScore?: number;
  /** Keep at most this many matches, best first. */
  limit?: number;
}

export class VocabularyError extends Error {}

const COLUMNS = ["id", "label", "definition", "area", "item_type", "typical_tier", "synonyms"];

export function parseVocabularyCsv(text: string): VocabularyItem[] {
  const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true, bom: true });
  const missing = COLUMNS.filter((c) => rows.length && !(c in rows[0]!));
  if (missing.length) throw new VocabularyError(`Vocabulary file lacks column(s): ${missing.join(", ")}`);
  const split = (value: string | undefined) => (value ? value.split("|").map((s) => s.trim()).filter(Boolean) : []);
  return rows.map((row) => ({
    id: row.id!,
    label: row.label!,
    definition: row.definition!,
    area: row.area as Area,
    itemType: row.item_type as ItemType,
    typicalTier: row.typical_tier as CanonicalTier,
    synonyms: split(row.synonyms),
    seenIn: split(row.seen_in),
  }));
}

const STOP_WORDS = new Set(
  "a an the of and or to for with in on at by from as is are be it its their them they this that these those into onto use using used all any some every each per".split(" "),
);

interface Token {
  stem: string;
  start: number;
  end: number;
}

/** Folds and stems one word; the same function serves text and phrases, so they meet. */
export function stemWord(word: string): string {
  let w = word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const word = match[0].replace(/['’]s$/i, "").replace(/['’]/g, "");
    if (STOP_WORDS.has(word.toLowerCase())) continue;
    tokens.push({ stem: stemWord(word), start: match.index!, end: match.index! + match[0].length });
  }
  return tokens;
}

interface Phrase {
  item: VocabularyItem;
  text: string;
  stems: string[];
  isLabel: boolean;
}

export interface VocabularyMatcher {
  readonly items: readonly VocabularyItem[];
  /** Every item the text mentions, best first (one entry per item). */
  match(text: string, options?: MatchOptions): VocabularyMatch[];
  /** The single best item for a short text, or null. */
  best(text: string, options?: MatchOptions): VocabularyMatch | null;
}

export function createVocabularyMatcher(items: VocabularyItem[]): VocabularyMatcher {
  const phrases: Phrase[] = [];
  const byFirstStem = new Map<string, Phrase[]>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const [i, text] of [item.label, ...item.synonyms].entries()) {
      const stems = tokenize(text).map((t) => t.stem);
      const key = stems.join(" ");
      if (!stems.length || seen.has(key)) continue;
      seen.add(key);
      const phrase = { item, text, stems, isLabel: i === 0 };
      phrases.push(phrase);
      for (const stem of new Set(stems)) byFirstStem.set(stem, [...(byFirstStem.get(stem) ?? []), phrase]);
    }
  }

  function match(text: string, options: MatchOptions = {}): VocabularyMatch[] {
    const minScore = options.minScore ?? 0.7;
    const tokens = tokenize(text);
    const best = new Map<string, VocabularyMatch & { length: number }>();
    const consider = (phrase: Phrase, score: number, from: number, to: number) => {
      const start = tokens[from]!.start;
      const end = tokens[to]!.end;
      const found = { itemId: phrase.item.id, label: phrase.item.label, area: phrase.item.area, score, fragment: text.slice(start, end), start, end, matchedPhrase: phrase.text, length: phrase.stems.length };
      const previous = best.get(phrase.item.id);
      if (!previous || score > previous.score || (score === previous.score && found.length > previous.length)) best.set(phrase.item.id, found);
    };
    const candidates = new Set<Phrase>();
    for (const token of tokens) for (const phrase of byFirstStem.get(token.stem) ?? []) candidates.add(phrase);
    for (const phrase of candidates) {
      const n = phrase.stems.length;
      // A run of words in order.
      for (let i = 0; i + n <= tokens.length; i++) {
        if (phrase.stems.every((stem, k) => tokens[i + k]!.stem === stem)) {
          consider(phrase, phrase.isLabel ? 1 : 0.95, i, i + n - 1);
          break;
        }
      }
      if (n < 2 || best.get(phrase.item.id)?.score === 1) continue;
      // All words near each other (within the phrase length plus three), any order.
      const window = n + 3;
      for (let i = 0; i < tokens.length; i++) {
        if (!phrase.stems.includes(tokens[i]!.stem)) continue;
        const span = tokens.slice(i, i + window);
        const positions = phrase.stems.map((stem) => span.findIndex((t) => t.stem === stem));
        if (positions.every((p) => p >= 0)) {
          consider(phrase, 0.75, i, i + Math.max(...positions));
          break;
        }
      }
    }
    return [...best.values()]
      .filter((m) => m.score >= minScore)
      .sort((a, b) => b.score - a.score || b.length - a.length || a.start - b.start || a.itemId.localeCompare(b.itemId))
      .slice(0, options.limit ?? Infinity)
      .map(({ length: _length, ...m }) => m);
  }

  return {
    items,
    match,
    best: (text, options) => match(text, { ...options, limit: 1 })[0] ?? null,
  };
}

/** Builds the items from the D1 tables (provision_items, provision_item_synonyms), for use inside the Worker. */
export function vocabularyFromRows(
  items: Array<{ id: string; area: string; label: string; definition: string; item_type: string; typical_tier: string }>,
  synonyms: Array<{ item_id: string; synonym: string }>,
): VocabularyItem[] {
  const byItem = new Map<string, string[]>();
  for (const s of synonyms) byItem.set(s.item_id, [...(byItem.get(s.item_id) ?? []), s.synonym]);
  return items.map((i) => ({
    id: i.id,
    label: i.label,
    definition: i.definition,
    area: i.area as Area,
    itemType: i.item_type as ItemType,
    typicalTier: i.typical_tier as CanonicalTier,
    synonyms: byItem.get(i.id) ?? [],
    seenIn: [],
  }));
}
