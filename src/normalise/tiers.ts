/**
 * Tier schemes. Every LA grades support in its own words ("Quality first teaching / SEN
 * support", "Level 1-5", "All / Some / Few"); a scheme lists an LA's labels in order with the
 * canonical tier each stands for and whether the LA counts it as ordinarily available.
 * Known schemes are data (data/vocabulary/tier-schemes.csv); for other documents a scheme is
 * inferred from the tier labels the document uses.
 */
import { parse } from "csv-parse/sync";
import type { CANONICAL_TIERS } from "../db/schema";
import { foldText } from "../lib/text";

export type CanonicalTier = (typeof CANONICAL_TIERS)[number];

export interface Tier {
  ordinal: number;
  label: string;
  canonicalTier: CanonicalTier;
  withinOap: boolean;
  /** Other ways the same tier is written ("QFT", "Adaptive Teaching"). */
  aliases: string[];
}

export interface TierScheme {
  id: string;
  name: string;
  cumulative: boolean;
  notes: string | null;
  tiers: Tier[];
}

export function parseTierSchemesCsv(text: string): TierScheme[] {
  const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true, bom: true });
  const schemes = new Map<string, TierScheme>();
  for (const row of rows) {
    let scheme = schemes.get(row.scheme_id!);
    if (!scheme) {
      scheme = { id: row.scheme_id!, name: row.scheme_name!, cumulative: row.cumulative === "true", notes: row.notes || null, tiers: [] };
      schemes.set(scheme.id, scheme);
    } else if (row.notes && !scheme.notes) scheme.notes = row.notes;
    scheme.tiers.push({
      ordinal: Number(row.ordinal),
      label: row.label!,
      canonicalTier: row.canonical_tier as CanonicalTier,
      withinOap: row.within_oap === "true",
      aliases: row.aliases ? row.aliases.split("|").map((a) => a.trim()).filter(Boolean) : [],
    });
  }
  for (const scheme of schemes.values()) scheme.tiers.sort((a, b) => a.ordinal - b.ordinal);
  return [...schemes.values()];
}

/**
 * A tier label at the start of a heading or column header, as written: "Universal" in
 * "Universal: what every classroom provides", "Level 1" in "4.2 Level 1: ordinarily
 * available", "Targeted" in "Targeted – Sensory and Physical". What may follow the label is
 * narrow, so "Targeted language support" is not read as a tier.
 */
const GENERIC_TIER =
  /^(universal\s*(\+|plus\b)?|universally available|targeted\s*(\+|plus\b)?|specialist|enhanced|highly personalised|personalised|quality[-\s]first[-\s]teaching(\s*(\/|and|or)\s*adaptive teaching)?|high[-\s]quality (adaptive )?teaching|hqt|qft|adaptive teaching|send? support|(level|tier|wave|stage)\s+\d|additional support|reasonable adjustments|record of concern|first concerns|further support|whole[-\s]school( responsibilities)?)(?=$|\s*[:–—|(]|\s+-\s|\s+(provision|support|level|strategies|offer|and (provision|strategies))\b|\s+(communication|cognition|social|sensory|physical)\b)/i;

/** Section numbering in front of a heading: "4.2 ", "B1 ", "Section 3:", "iv. ". */
const HEADING_PREFIX = /^\s*((section|part)\s+[a-z0-9]+[.:]?\s+|[a-z]?\d{1,2}(\.\d{1,2})*[.):]?\s+|[ivx]{1,4}[.)]\s+|[a-z][.)]\s+)/i;

/** Compares tier labels ignoring case and punctuation, but not a "+" ("Targeted+" is not "Targeted"). */
const tierKey = (label: string) => foldText(label.replace(/\+/g, " plus"));
export const sameTierLabel = (a: string, b: string) => tierKey(a) === tierKey(b);

export function stripHeadingNumber(text: string): string {
  return text.replace(HEADING_PREFIX, "").trim();
}

export function tierLabelIn(text: string, scheme?: TierScheme | null): string | null {
  const heading = stripHeadingNumber(text);
  const folded = tierKey(heading);
  if (scheme) {
    const names = scheme.tiers.flatMap((t) => [t.label, ...t.aliases]).sort((a, b) => b.length - a.length);
    for (const name of names) {
      const key = tierKey(name);
      if (folded === key || folded.startsWith(`${key} `)) return heading.slice(0, name.length).trim();
    }
  }
  const match = heading.match(GENERIC_TIER);
  return match ? match[1]!.trim() : null;
}

/** Best guess at the canonical tier of a label when no scheme says. */
export function guessCanonicalTier(label: string, position?: { index: number; count: number }): CanonicalTier | null {
  const text = label.toLowerCase();
  if (/universal\s*(\+|plus)|record of concern|first concerns|reasonable adjustments/.test(text)) return "universal_plus";
  if (/targeted\s*(\+|plus)|highly personalised/.test(text)) return "targeted_plus";
  if (/whole[-\s]school/.test(text)) return "whole_setting";
  if (/universal|quality[-\s]first|high[-\s]quality|adaptive teaching|\bqft\b|\bhqt\b|wave 1|^all\b/.test(text)) return "universal";
  if (/specialist|enhanced|personalised|wave 3|further support/.test(text)) return "specialist";
  if (/targeted|send? support|wave 2|additional support|^some\b/.test(text)) return "targeted";
  const numbered = text.match(/\b(level|tier|stage)\s+(\d)/);
  if (numbered) {
    const n = Number(numbered[2]);
    const count = Math.max(position?.count ?? n, n);
    if (n === 1) return "universal";
    if (n === 2) return "targeted";
    if (n === count) return "specialist";
    return "targeted_plus";
  }
  return null;
}

const WITHIN_OAP: Record<CanonicalTier, boolean> = {
  whole_setting: true,
  universal: true,
  universal_plus: true,
  targeted: true,
  targeted_plus: false,
  specialist: false,
};

/** A scheme built from the tier labels a document uses, in the order it first uses them. */
export function inferScheme(id: string, name: string, labels: string[]): TierScheme {
  const unique: string[] = [];
  for (const label of labels) if (!unique.some((u) => tierKey(u) === tierKey(label))) unique.push(label);
  const numbered = unique.filter((l) => /\b(level|tier|stage)\s+\d/i.test(l)).length;
  return {
    id,
    name,
    cumulative: true,
    notes: "Inferred from the tier labels in the document",
    tiers: unique.map((label, i) => {
      const canonicalTier = guessCanonicalTier(label, { index: i, count: numbered || unique.length }) ?? "targeted";
      return { ordinal: i + 1, label, canonicalTier, withinOap: WITHIN_OAP[canonicalTier], aliases: [] };
    }),
  };
}

/** The scheme's tier a label stands for (by label or alias, ignoring case and punctuation). */
export function resolveTier(scheme: TierScheme, label: string): Tier | null {
  const key = tierKey(label);
  return scheme.tiers.find((t) => tierKey(t.label) === key || t.aliases.some((a) => tierKey(a) === key)) ?? null;
}
