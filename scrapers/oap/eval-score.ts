/**
 * Scores predicted statements and documents against a labelled site's expected.json, with
 * the conventions of the evaluation set's reference scorer: text compared after NFKC, quote
 * and dash folding, bullet and trailing punctuation stripping and lower-casing, on letters
 * and digits only; one-to-one matching, exact first, then fuzzy (difflib ratio ≥ 0.90).
 */
import difflib from "difflib";

export interface ScoredStatement {
  text: string;
  area?: string | null;
  kind?: string | null;
  tier?: string | null;
  phase?: string | null;
  sub_need?: string | null;
}

export interface ScoredDocument {
  url: string;
  status?: string | null;
  published?: string | null;
  last_updated?: string | null;
  last_reviewed?: string | null;
  next_review?: string | null;
  alt_urls?: string[];
}

const QUOTES: Record<string, string> = { "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "\u00a0": " ", "\u00ad": "" };
const BULLETS = new Set([..."\u2022\u25aa\u25cf\u25e6\u00b7\u2023\u2043*-\u2013o "]);

export function normText(value: string): string {
  let s = [...(value ?? "").normalize("NFKC")].map((c) => QUOTES[c] ?? c).join("").trim();
  let i = 0;
  while (i < s.length && BULLETS.has(s[i]!)) i++;
  s = s.slice(i).replace(/-\s+(?=\w)/g, "-").replace(/\s+/g, " ").trim().toLowerCase();
  return s.replace(/[ .;:,]+$/, "");
}

export const compact = (value: string) => normText(value).replace(/[^a-z0-9]+/g, "");

const label = (v: unknown) => (v === null || v === undefined || v === "" ? null : String(v).replace(/\s+/g, " ").trim().toLowerCase());

function subNeedOk(e: unknown, p: unknown): boolean {
  const [a, b] = [label(e), label(p)];
  if (a === null || b === null) return a === b;
  return a.includes(b) || b.includes(a);
}

export const FIELDS = ["area", "kind", "tier", "phase", "sub_need"] as const;

export interface SiteScore {
  expected: number;
  predicted: number;
  matched: number;
  fuzzy: number;
  precision: number;
  recall: number;
  f1: number;
  correct: Record<(typeof FIELDS)[number], number>;
  documents: Array<{ url: string; found: boolean; fields: Record<string, boolean | null> }>;
  missed: string[];
  extra: string[];
}

export function scoreSite(expected: { statements: ScoredStatement[]; documents: ScoredDocument[] }, predicted: { statements: ScoredStatement[]; documents: ScoredDocument[] }, fuzzy = 0.9): SiteScore {
  const E = expected.statements;
  const P = predicted.statements;
  const usedE = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Array<[number, number, number]> = [];
  const byKey = new Map<string, number[]>();
  E.forEach((s, i) => byKey.set(compact(s.text), [...(byKey.get(compact(s.text)) ?? []), i]));
  P.forEach((s, j) => {
    for (const i of byKey.get(compact(s.text)) ?? []) {
      if (!usedE.has(i)) {
        pairs.push([i, j, 1]);
        usedE.add(i);
        usedP.add(j);
        break;
      }
    }
  });
  const candidates: Array<[number, number, number]> = [];
  E.forEach((s, i) => {
    if (usedE.has(i)) return;
    const a = compact(s.text);
    P.forEach((t, j) => {
      if (usedP.has(j)) return;
      const matcher = new difflib.SequenceMatcher(null, a, compact(t.text), false);
      if (matcher.realQuickRatio() < fuzzy || matcher.quickRatio() < fuzzy) return;
      const r = matcher.ratio();
      if (r >= fuzzy) candidates.push([r, i, j]);
    });
  });
  candidates.sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2]);
  for (const [r, i, j] of candidates) {
    if (!usedE.has(i) && !usedP.has(j)) {
      pairs.push([i, j, r]);
      usedE.add(i);
      usedP.add(j);
    }
  }
  const correct = { area: 0, kind: 0, tier: 0, phase: 0, sub_need: 0 };
  for (const [i, j] of pairs) {
    for (const field of FIELDS) {
      const ok = field === "sub_need" ? subNeedOk(E[i]![field], P[j]![field]) : label(E[i]![field]) === label(P[j]![field]);
      if (ok) correct[field]++;
    }
  }
  const tp = pairs.length;
  const precision = P.length ? tp / P.length : 0;
  const recall = E.length ? tp / E.length : 0;
  const normUrl = (u: string) => {
    const url = new URL(u, "http://site.invalid");
    const query = [...url.searchParams.entries()].sort().map(([k, v]) => `${k}=${v}`).join("&");
    return (url.pathname.replace(/\/+$/, "") || "/") + (query ? `?${query}` : "");
  };
  const predictedDocs = new Map(predicted.documents.map((d) => [normUrl(d.url), d]));
  const documents = expected.documents.map((d) => {
    const hit = [d.url, ...(d.alt_urls ?? [])].map(normUrl).map((k) => predictedDocs.get(k)).find(Boolean);
    const fields: Record<string, boolean | null> = {};
    if (hit) for (const f of ["status", "published", "last_updated", "last_reviewed", "next_review"] as const) fields[f] = f === "status" && !("status" in hit) ? null : (hit[f] ?? null) === (d[f] ?? null);
    return { url: d.url, found: Boolean(hit), fields };
  });
  return {
    expected: E.length,
    predicted: P.length,
    matched: tp,
    fuzzy: pairs.filter(([, , r]) => r < 1).length,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    correct,
    documents,
    missed: E.filter((_, i) => !usedE.has(i)).map((s) => s.text),
    extra: P.filter((_, j) => !usedP.has(j)).map((s) => s.text),
  };
}
