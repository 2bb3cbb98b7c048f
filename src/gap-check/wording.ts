/**
 * What a gap check says to a parent, in plain words a parent can read out in a meeting.
 * Kept apart from the matching so the API and the pages say the same thing.
 */
import { AREA_LABELS } from "../lib/send-terms";
import type { GapResult } from "./check-gaps";
import type { ExpectedEntry } from "./expected-provision";

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

export function gapQuestion(entry: ExpectedEntry, laName: string): string {
  if (!entry.itemId) {
    return `${laName}'s guide says: "${entry.label}" Does this happen for my child? If not, why not, and what is done instead?`;
  }
  return `Does my child get ${lowerFirst(entry.label)}? ${laName}'s guide expects schools to give this from their own budget to pupils who need it. If my child does not get it, why not, and what is done instead?`;
}

export const UNMATCHED_LINE_NOTE =
  "We could not match this to anything in the council's guide for the areas chosen. It may still be good support: ask the school how it fits with the guide.";

export function gapSummary(result: GapResult, laName: string, areas: readonly string[]): string {
  const expected = result.covered.length + result.notCovered.length;
  if (!expected) {
    return `We do not hold any expected support from ${laName}'s guide for these areas yet, so we cannot check for gaps. Ask the school for your child's provision map.`;
  }
  const areaWords = areas.map((a) => AREA_LABELS[a as keyof typeof AREA_LABELS]?.toLowerCase() ?? a).join(", ");
  const parts = [`${laName}'s guide lists ${expected} kinds of support for ${areaWords} and for every pupil.`];
  parts.push(
    result.notCovered.length
      ? `What you told us covers ${result.covered.length}. ${result.notCovered.length} may be missing: ask the school about each one.`
      : "What you told us covers all of them.",
  );
  if (result.unmatchedLines.length) {
    parts.push(`${result.unmatchedLines.length} of your lines did not match anything in the guide; ask how they fit.`);
  }
  return parts.join(" ");
}
