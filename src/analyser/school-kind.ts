/**
 * School type and phase from a phase description, as GIAS gives it ("Secondary",
 * "All-through", "Primary") or as the labelled sets write it ("special (all-age 2-19)").
 */
import type { AnalyseOptions } from "./index";

export function schoolFromPhase(phase: string | null | undefined): Pick<AnalyseOptions, "schoolType" | "phase"> {
  if (!phase) return {};
  const text = phase.toLowerCase();
  const ages = [...text.matchAll(/(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})/g)].map((m) => Number(m[2]));
  const oldest = ages.length ? Math.max(...ages) : 0;
  const secondary = /secondary|all-through|16 plus|16-plus|post-16|middle deemed secondary/.test(text) || oldest >= 14;
  return { schoolType: /\bspecial\b/.test(text) ? "special" : "mainstream", phase: secondary ? "secondary" : "primary" };
}
