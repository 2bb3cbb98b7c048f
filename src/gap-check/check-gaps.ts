/**
 * The gap check itself: which of the expected entries the child's support covers, either
 * ticked (by key or vocabulary id) or described in the parent's own words and matched through
 * the vocabulary, and which lines of that description matched nothing expected.
 */
import type { VocabularyMatcher } from "../normalise/vocabulary";
import type { ExpectedEntry } from "./expected-provision";

export interface LineMatch {
  /** Position of the line in what was sent, from 0. */
  line: number;
  text: string;
  /** The words in the line that matched, and how closely (1 label, 0.95 synonym, 0.75 words near each other). */
  fragment: string;
  score: number;
}

export interface CoveredEntry {
  entry: ExpectedEntry;
  ticked: boolean;
  lines: LineMatch[];
}

export interface UnmatchedLine {
  line: number;
  text: string;
  /** Vocabulary items the line names that the guide does not list for the chosen areas. */
  otherItems: Array<{ itemId: string; label: string }>;
}

export interface GapResult {
  covered: CoveredEntry[];
  notCovered: ExpectedEntry[];
  unmatchedLines: UnmatchedLine[];
}

export interface ChildSupport {
  /** Entry keys (`item:<id>`, `statement:<id>`) ticked by the parent. */
  ticked: ReadonlySet<string>;
  /** Free-text lines; blank ones are skipped but keep their positions. */
  lines: readonly string[];
}

export function checkGaps(entries: readonly ExpectedEntry[], support: ChildSupport, matcher: VocabularyMatcher): GapResult {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const matchedLines = new Map<string, LineMatch[]>();
  const unmatchedLines: UnmatchedLine[] = [];
  support.lines.forEach((raw, line) => {
    const text = raw.trim();
    if (!text) return;
    let matchedExpected = false;
    const otherItems: UnmatchedLine["otherItems"] = [];
    for (const found of matcher.match(text)) {
      const key = `item:${found.itemId}`;
      if (!byKey.has(key)) {
        otherItems.push({ itemId: found.itemId, label: found.label });
        continue;
      }
      matchedExpected = true;
      matchedLines.set(key, [...(matchedLines.get(key) ?? []), { line, text, fragment: found.fragment, score: found.score }]);
    }
    if (!matchedExpected) unmatchedLines.push({ line, text, otherItems });
  });

  const covered: CoveredEntry[] = [];
  const notCovered: ExpectedEntry[] = [];
  for (const entry of entries) {
    const ticked = support.ticked.has(entry.key);
    const lines = matchedLines.get(entry.key) ?? [];
    if (ticked || lines.length) covered.push({ entry, ticked, lines });
    else notCovered.push(entry);
  }
  return { covered, notCovered, unmatchedLines };
}
