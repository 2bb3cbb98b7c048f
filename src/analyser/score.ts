/**
 * The report's score, 0-100:
 *
 *   score = 100 × Σ weight(item) × credit(status) / Σ weight(item)
 *
 * over every item except those `not_required`, where weight is 3 for items the law requires
 * (Schedule 1 and s69(3)(b): K and E), 2 for what the Code of Practice says a report should
 * do (C, D01) and 1 for good practice (D02, D03); credit is 1 for `present`, 0.5 for `vague`
 * and 0 for `missing`. Rounded to a whole number.
 */
import { RUBRIC_BY_ID, type Requirement } from "./rubric";
import type { ItemFinding, ItemStatus } from "./items";

export const SCORE_FORMULA =
  "100 × Σ weight × credit ÷ Σ weight over the items that apply; weight 3 for legal requirements (K, E), 2 for Code of Practice expectations (C, D01), 1 for good practice (D02, D03); credit 1 present, 0.5 vague, 0 missing.";

export const REQUIREMENT_WEIGHT: Record<Requirement, number> = { must: 3, should: 2, good: 1 };
const CREDIT: Record<Exclude<ItemStatus, "not_required">, number> = { present: 1, vague: 0.5, missing: 0 };

export function scoreOf(findings: ItemFinding[]): { value: number; counts: Record<ItemStatus, number> } {
  let earned = 0;
  let possible = 0;
  const counts: Record<ItemStatus, number> = { present: 0, vague: 0, missing: 0, not_required: 0 };
  for (const f of findings) {
    counts[f.status]++;
    if (f.status === "not_required") continue;
    const weight = REQUIREMENT_WEIGHT[RUBRIC_BY_ID.get(f.id)!.requirement];
    possible += weight;
    earned += weight * CREDIT[f.status];
  }
  return { value: possible ? Math.round((100 * earned) / possible) : 0, counts };
}
