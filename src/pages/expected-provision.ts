/**
 * The gap check's list of expected support, built from an LA's baseline: one entry per
 * vocabulary item the guide's statements name, and one per statement that names none, so
 * nothing the guide says is dropped. Only support within ordinarily available provision
 * counts: tiers the LA marks as beyond it are left out.
 */
import type { StatementView } from "../routes/baselines/build-baseline";
import { AREA_CODES, type AreaCode } from "../lib/send-terms";

export interface ExpectedEntry {
  /** `item:<vocabulary id>` or `statement:<statement id>`: stable across visits, safe in a URL. */
  key: string;
  label: string;
  area: AreaCode;
  /** The guide's own sentences behind an item (empty when the label is the sentence). */
  wording: string[];
}

const SUPPORT_KINDS = new Set(["provision", "expectation"]);

export function expectedProvision(statements: StatementView[]): ExpectedEntry[] {
  const byKey = new Map<string, ExpectedEntry>();
  for (const st of statements) {
    if (!SUPPORT_KINDS.has(st.kind) || st.within_oap === false || !st.area) continue;
    const named = st.items.map((item) => ({ key: `item:${item.id}`, label: item.label }));
    for (const { key, label } of named.length ? named : [{ key: `statement:${st.id}`, label: st.text }]) {
      const entry = byKey.get(key) ?? { key, label, area: st.area, wording: [] };
      if (named.length && !entry.wording.includes(st.text)) entry.wording.push(st.text);
      byKey.set(key, entry);
    }
  }
  const order = (area: AreaCode) => AREA_CODES.indexOf(area);
  return [...byKey.values()].sort((a, b) => order(a.area) - order(b.area));
}
