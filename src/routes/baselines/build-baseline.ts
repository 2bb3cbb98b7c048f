/**
 * Assembles an LA's baseline: its current documents, tier schemes, the statements that pass
 * the filters grouped by area, sub-need and tier, and the coverage block that keeps an empty
 * or partial baseline from reading as "nothing is expected".
 */
import type { Database } from "../../db/client";
import {
  areaCounts,
  datesOf,
  laDocuments,
  PHASE_GROUPS,
  servedMethods,
  sourcesOf,
  statementsOf,
  tierSchemesOf,
  type BaselineStatement,
} from "../../db/queries/oap";
import type { Env } from "../../env";
import type { CsvShape } from "../../lib/list-response";
import { toDocument } from "../documents/documents.schemas";
import { AREA_CODES, AREA_LABELS, CANONICAL_TIER_CODES, SUB_NEED_LABELS, TIER_DESCRIPTIONS, type AreaCode, type CanonicalTier, type SubNeedCode } from "../../lib/send-terms";

export interface BaselineFilters {
  area?: string[];
  sub_need?: SubNeedCode;
  phase?: string;
  tier?: CanonicalTier;
  within_oap?: boolean;
}

const NEED_AREAS: AreaCode[] = ["CI", "CL", "SEMH", "SP"];

function toStatement(st: BaselineStatement) {
  const items = new Map<string, { id: string; label: string; score: number }>();
  for (const part of st.parts) {
    if (part.itemId && !items.has(part.itemId)) items.set(part.itemId, { id: part.itemId, label: part.itemLabel ?? part.itemId, score: part.score ?? 0 });
  }
  return {
    id: st.id,
    kind: st.kind,
    text: st.textRaw,
    area: st.area,
    sub_need: st.subNeed as SubNeedCode | null,
    sub_need_label: st.subNeedLabel,
    tier: st.canonicalTier,
    tier_label: st.tierLabel,
    within_oap: st.withinOap,
    phases: st.phases as Array<"EY" | "KS1" | "KS2" | "KS3" | "KS4" | "P16">,
    heading_path: st.headingPath,
    locator: st.locator,
    items: [...items.values()],
    parts: st.parts.map((p) => ({ text: p.text, item_id: p.itemId, score: p.score })),
    document_id: st.docId,
  };
}

export type StatementView = ReturnType<typeof toStatement>;

export const STATEMENT_CSV: CsvShape<StatementView & { la_code: string }> = {
  columns: ["la_code", "statement_id", "document_id", "area", "sub_need", "tier", "tier_label", "within_oap", "phases", "kind", "text", "item_ids", "heading_path", "locator"],
  row: (st) => ({
    la_code: st.la_code,
    statement_id: st.id,
    document_id: st.document_id,
    area: st.area,
    sub_need: st.sub_need,
    tier: st.tier,
    tier_label: st.tier_label,
    within_oap: st.within_oap,
    phases: st.phases.join(";"),
    kind: st.kind,
    text: st.text,
    item_ids: st.items.map((i) => i.id).join(";"),
    heading_path: st.heading_path.join(" > "),
    locator: JSON.stringify(st.locator),
  }),
};

function group(statements: StatementView[]) {
  const areaOrder = (a: string | null) => (a ? AREA_CODES.indexOf(a as AreaCode) : AREA_CODES.length);
  const areas = [...new Set(statements.map((s) => s.area))].sort((a, b) => areaOrder(a) - areaOrder(b));
  return areas
    .filter((area): area is AreaCode => area !== null)
    .map((area) => {
      const inArea = statements.filter((s) => s.area === area);
      const subNeeds = [...new Set(inArea.map((s) => s.sub_need))].sort((a, b) => (a ?? "").localeCompare(b ?? ""));
      return {
        area,
        label: AREA_LABELS[area],
        sub_needs: subNeeds.map((subNeed) => {
          const inSubNeed = inArea.filter((s) => s.sub_need === subNeed);
          const tierRank = (tier: CanonicalTier | null) => (tier ? CANONICAL_TIER_CODES.indexOf(tier) : -1);
          const tierKeys = [...new Map(inSubNeed.map((s) => [`${s.tier}|${s.tier_label}`, s])).values()].sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
          return {
            sub_need: subNeed,
            label: subNeed ? SUB_NEED_LABELS[subNeed] : "All needs in this area",
            tiers: tierKeys.map((first) => ({
              tier: first.tier,
              tier_label: first.tier_label,
              within_oap: first.within_oap,
              statements: inSubNeed.filter((s) => s.tier === first.tier && s.tier_label === first.tier_label),
            })),
          };
        }),
      };
    });
}

function coverageSummary(status: string, missing: AreaCode[], laName: string): string {
  switch (status) {
    case "complete":
      return `We hold ${laName}'s current guidance for every area of need.`;
    case "partial":
      return `We hold part of ${laName}'s guidance. ${missing.length ? `Nothing is held yet for: ${missing.map((a) => AREA_LABELS[a].toLowerCase()).join("; ")}. ` : ""}Gaps mean we have not collected it yet, not that nothing is expected.`;
    case "not_collected_yet":
      return `${laName} publishes guidance we know of, but we have not collected it yet. Schools are still expected to provide ordinarily available support.`;
    default:
      return `We have not found ${laName}'s ordinarily available provision guidance yet. That does not mean nothing is expected: every mainstream school must do its best to meet pupils' special educational needs from its own budget.`;
  }
}

/** What we hold for an LA: its current documents and the coverage block built from them. */
export async function laCoverage(db: Database, env: Env, la: { laCode: string; name: string }) {
  const [docs, sources] = await Promise.all([laDocuments(db, la.laCode, servedMethods(env), true), sourcesOf(db, la.laCode)]);
  const counts = await areaCounts(db, docs.map((d) => d.id));
  const withStatements = AREA_CODES.filter((area) => counts.some((c) => c.area === area && c.n > 0));
  const missing = NEED_AREAS.filter((area) => !withStatements.includes(area));
  const onlyManual = docs.length > 0 && docs.every((d) => d.method === "manual_review");
  const status: "complete" | "partial" | "not_collected_yet" | "not_found_yet" =
    docs.length === 0
      ? sources.some((s) => s.status !== "not_found_yet")
        ? "not_collected_yet"
        : "not_found_yet"
      : missing.length || onlyManual
        ? "partial"
        : "complete";
  const lastChecked = sources.map((s) => s.lastCheckedAt).filter((v): v is string => v !== null).sort().at(-1) ?? null;
  return {
    docs,
    coverage: {
      status,
      summary: coverageSummary(status, missing, la.name),
      documents_found: docs.length,
      statements: counts.reduce((sum, c) => sum + c.n, 0),
      areas_with_statements: withStatements,
      areas_without_statements: AREA_CODES.filter((a) => !withStatements.includes(a)),
      methods: [...new Set(docs.map((d) => d.method))],
      last_checked: lastChecked,
      sources: sources.map((s) => ({
        id: s.id,
        status: s.status,
        title: s.title,
        landing_url: s.landingUrl,
        document_url: s.documentUrl,
        shared_with: s.sharedWith,
        last_checked_at: s.lastCheckedAt,
        last_outcome: s.lastOutcome,
      })),
    },
  };
}

export async function buildBaseline(db: Database, env: Env, la: { laCode: string; name: string; slug: string }, filters: BaselineFilters) {
  const { docs, coverage } = await laCoverage(db, env, la);
  const docIds = docs.map((d) => d.id);
  const schemeIds = [...new Set(docs.map((d) => d.tierSchemeId).filter((id): id is string => id !== null))];
  const phases = filters.phase ? (PHASE_GROUPS[filters.phase] ?? [filters.phase]) : undefined;
  const [dates, schemes, filtered] = await Promise.all([
    datesOf(db, docIds),
    tierSchemesOf(db, schemeIds),
    statementsOf(db, docIds, { areas: filters.area, subNeed: filters.sub_need, phases, tier: filters.tier, withinOap: filters.within_oap }),
  ]);
  const statements = filtered.map(toStatement);

  return {
    statements,
    body: {
      local_authority: { la_code: la.laCode, name: la.name, slug: la.slug, _links: { self: { href: `/v1/local-authorities/${la.laCode}` } } },
      coverage,
      filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string | boolean | string[]>,
      tier_schemes: schemes.map((scheme) => ({
        id: scheme.id,
        name: scheme.name,
        cumulative: scheme.cumulative,
        notes: scheme.notes,
        tiers: scheme.tiers.map((t) => ({
          ordinal: t.ordinal,
          label: t.label,
          tier: t.canonicalTier,
          within_oap: t.withinOap,
          description: t.description,
          plain_english: TIER_DESCRIPTIONS[t.canonicalTier],
        })),
      })),
      documents: docs.map((doc) => toDocument(doc, dates, la.laCode)),
      areas: group(statements),
      _links: {
        self: { href: `/v1/local-authorities/${la.laCode}/baseline` },
        documents: { href: `/v1/local-authorities/${la.laCode}/documents` },
      },
    },
  };
}
