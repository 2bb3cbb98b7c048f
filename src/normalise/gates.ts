/**
 * Quality gates between extraction and publication. Every extraction is validated, then
 * compared with the last published version of the same document; one that failed, is
 * empty, or has lost more than 30% of its statements is held back with a recorded reason,
 * and the previous version stays published.
 */
import { z } from "zod";
import { AREAS, CANONICAL_TIERS, EXTRACTION_METHODS, STATEMENT_KINDS } from "../db/schema";
import type { NormalisedDocument } from "./document";
import { PHASES } from "./phases";

const statementSchema = z.object({
  kind: z.enum(STATEMENT_KINDS),
  area: z.enum(AREAS),
  tierLabel: z.string().min(1).nullable(),
  canonicalTier: z.enum(CANONICAL_TIERS).nullable(),
  phases: z.array(z.enum(PHASES)),
  text: z.string().min(3).max(4000),
  textRaw: z.string().min(1),
  locator: z.object({ url: z.string().url() }).passthrough(),
  extractionMethod: z.enum(EXTRACTION_METHODS),
  confidence: z.number().min(0).max(1),
  parts: z.array(z.object({ text: z.string().min(1), itemId: z.string().nullable(), score: z.number().nullable() })).min(1),
});

export const normalisedDocumentSchema = z.object({
  url: z.string().url(),
  title: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  retrievedAt: z.string().min(4),
  sources: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) })).min(1),
  extractionStatus: z.enum(["ok", "partial", "needs_ocr", "no_statements", "failed"]),
  statements: z.array(statementSchema),
});

/** Most statements a new version may lose against the published one before it is held back. */
export const MAX_STATEMENT_LOSS = 0.3;

export interface PublishedVersion {
  sha256: string;
  statementCount: number;
}

export type GateOutcome = { outcome: "ok" | "unchanged"; reason: string | null } | { outcome: "held_back"; reason: string };

export function gateExtraction(candidate: NormalisedDocument, previous: PublishedVersion | null): GateOutcome {
  const valid = normalisedDocumentSchema.safeParse(candidate);
  if (!valid.success) {
    const issue = valid.error.issues[0]!;
    return { outcome: "held_back", reason: `invalid extraction: ${issue.path.join(".")} ${issue.message}` };
  }
  if (candidate.extractionStatus === "failed" || candidate.extractionStatus === "needs_ocr") {
    return { outcome: "held_back", reason: `extraction ${candidate.extractionStatus}: ${candidate.extractionNotes ?? "no detail"}` };
  }
  if (candidate.statements.length === 0) return { outcome: "held_back", reason: "empty: no statements were extracted" };
  if (previous) {
    const lost = (previous.statementCount - candidate.statements.length) / Math.max(1, previous.statementCount);
    if (lost > MAX_STATEMENT_LOSS + 1e-9) {
      return { outcome: "held_back", reason: `lost ${Math.round(lost * 100)}% of statements (${previous.statementCount} published, ${candidate.statements.length} now)` };
    }
    if (previous.sha256 === candidate.sha256) return { outcome: "unchanged", reason: null };
  }
  return { outcome: "ok", reason: null };
}
