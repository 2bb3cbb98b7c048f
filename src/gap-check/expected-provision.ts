/**
 * The list of expected support a gap check is made against, built from an LA's baseline: one
 * entry per vocabulary item the guide's statements name, and one per statement that names
 * none, so nothing the guide says is dropped. Only support within ordinarily available
 * provision counts: tiers the LA marks as beyond it are left out.
 */
import type { StatementView } from "../routes/baselines/build-baseline";
import { AREA_CODES, type AreaCode } from "../lib/send-terms";

export interface ExpectedEntry {
  /** `item:<vocabulary id>` or `statement:<statement id>`: stable across visits, safe in a URL. */
  key: string;
  /** The vocabulary item, or null when the guide's sentence matched none. */
  itemId: string | null;
  label: string;
  area: AreaCode;
  /** The guide's own sentences behind an item (empty when the label is the sentence). */
  wording: string[];
  /** The LA's tier labels the statements sit under, in the order met. */
  tierLabels: string[];
  statementIds: string[];
}

const SUPPORT_KINDS = new Set(["provision", "expectation"]);

export const itemKey = (itemId: string) => `item:${itemId}`;

export function expectedProvision(statements: StatementView[]): ExpectedEntry[] {
  const byKey = new Map<string, ExpectedEntry>();
  for (const st of statements) {
    if (!SUPPORT_KINDS.has(st.kind) || st.within_oap === false || !st.area) continue;
    const named = st.items.map((item) => ({ key: itemKey(item.id), itemId: item.id, label: item.label }));
    for (const { key, itemId, label } of named.length ? named : [{ key: `statement:${st.id}`, itemId: null, label: st.text }]) {
      const entry = byKey.get(key) ?? { key, itemId, label, area: st.area, wording: [], tierLabels: [], statementIds: [] };
      if (named.length && !entry.wording.includes(st.text)) entry.wording.push(st.text);
      if (st.tier_label && !entry.tierLabels.includes(st.tier_label)) entry.tierLabels.push(st.tier_label);
      if (!entry.statementIds.includes(st.id)) entry.statementIds.push(st.id);
      byKey.set(key, entry);
    }
  }
  const order = (area: AreaCode) => AREA_CODES.indexOf(area);
  return [...byKey.values()].sort((a, b) => order(a.area) - order(b.area));
}
