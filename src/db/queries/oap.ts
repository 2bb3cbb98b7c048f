/**
 * Reads of the OAP data: an LA's documents, dates, tier schemes, statements with their
 * vocabulary matches, and its entries in the source registry.
 */
import { and, asc, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import type { Env } from "../../env";
import type { Database } from "../client";
import {
  documentDates,
  documentLas,
  documents,
  oapSources,
  provisionItems,
  statementParts,
  statements,
  tiers,
  tierSchemes,
  type RECORD_METHODS,
} from "../schema";

type RecordMethod = (typeof RECORD_METHODS)[number];

/**
 * Fixture documents exist only for tests; they are served only where the SERVE_FIXTURE_DATA
 * binding says so (the test configuration), never by a deployed Worker.
 */
export function servedMethods(env: Pick<Env, "SERVE_FIXTURE_DATA">): RecordMethod[] {
  return env.SERVE_FIXTURE_DATA === "true" ? ["scraped", "manual_review", "fixture"] : ["scraped", "manual_review"];
}

export const NOT_CURRENT = ["superseded", "withdrawn"] as const;

export type DocumentRow = typeof documents.$inferSelect & { role: string };

export async function laDocuments(db: Database, laCode: string, methods: RecordMethod[], current: boolean | "all"): Promise<DocumentRow[]> {
  const where: SQL[] = [eq(documentLas.laCode, laCode), inArray(documents.method, methods)];
  if (current === true) where.push(notInArray(documents.status, [...NOT_CURRENT]));
  if (current === false) where.push(inArray(documents.status, [...NOT_CURRENT]));
  const rows = await db
    .select({ document: documents, role: documentLas.role })
    .from(documents)
    .innerJoin(documentLas, eq(documentLas.docId, documents.id))
    .where(and(...where))
    .orderBy(asc(documents.status), asc(documents.title));
  return rows.map((r) => ({ ...r.document, role: r.role }));
}

export async function datesOf(db: Database, docIds: string[]) {
  if (!docIds.length) return [];
  return db.select().from(documentDates).where(inArray(documentDates.docId, docIds));
}

export async function tierSchemesOf(db: Database, schemeIds: string[]) {
  if (!schemeIds.length) return [];
  const [schemes, rows] = await Promise.all([
    db.select().from(tierSchemes).where(inArray(tierSchemes.id, schemeIds)),
    db.select().from(tiers).where(inArray(tiers.schemeId, schemeIds)).orderBy(asc(tiers.schemeId), asc(tiers.ordinal)),
  ]);
  return schemes.map((scheme) => ({ ...scheme, tiers: rows.filter((t) => t.schemeId === scheme.id) }));
}

export async function sourcesOf(db: Database, laCode: string) {
  return db.select().from(oapSources).where(eq(oapSources.laCode, laCode)).orderBy(asc(oapSources.id));
}

/** Phase codes, and the groupings people use for them. */
export const PHASES = ["EY", "KS1", "KS2", "KS3", "KS4", "P16"] as const;
export const PHASE_GROUPS: Record<string, readonly string[]> = {
  primary: ["KS1", "KS2"],
  secondary: ["KS3", "KS4"],
};

export interface StatementFilters {
  areas?: string[];
  subNeed?: string;
  /** Any of these phase codes; statements with no phase apply to every phase and always match. */
  phases?: readonly string[];
  tier?: string;
  withinOap?: boolean;
}

export async function statementsOf(db: Database, docIds: string[], filters: StatementFilters) {
  if (!docIds.length) return [];
  const where: SQL[] = [inArray(statements.docId, docIds)];
  if (filters.areas?.length) where.push(inArray(statements.area, filters.areas as Array<(typeof statements.area.enumValues)[number]>));
  if (filters.subNeed) where.push(eq(statements.subNeed, filters.subNeed));
  if (filters.tier) where.push(eq(statements.canonicalTier, filters.tier as (typeof statements.canonicalTier.enumValues)[number]));
  if (filters.phases?.length) {
    where.push(
      sql`(${statements.phases} = '[]' OR EXISTS (SELECT 1 FROM json_each(${statements.phases}) WHERE value IN (${sql.join(
        filters.phases.map((p) => sql`${p}`),
        sql`, `,
      )})))`,
    );
  }
  // Untiered statements (whole-setting expectations) are ordinarily available by definition.
  if (filters.withinOap !== undefined) {
    where.push(filters.withinOap ? sql`coalesce(${tiers.withinOap}, 1) = 1` : sql`${tiers.withinOap} = 0`);
  }
  const rows = await db
    .select({ statement: statements, withinOap: tiers.withinOap })
    .from(statements)
    .innerJoin(documents, eq(documents.id, statements.docId))
    .leftJoin(tiers, and(eq(tiers.schemeId, documents.tierSchemeId), eq(tiers.ordinal, statements.tierOrdinal)))
    .where(and(...where))
    .orderBy(asc(statements.docId), asc(statements.ordinal));
  const ids = rows.map((r) => r.statement.id);
  const parts = ids.length ? await partsOf(db, ids) : [];
  const byStatement = new Map<string, typeof parts>();
  for (const part of parts) byStatement.set(part.statementId, [...(byStatement.get(part.statementId) ?? []), part]);
  return rows.map((r) => ({ ...r.statement, withinOap: r.withinOap, parts: byStatement.get(r.statement.id) ?? [] }));
}

/** Statements per area across documents, for coverage. */
export async function areaCounts(db: Database, docIds: string[]) {
  if (!docIds.length) return [];
  return db
    .select({ area: statements.area, n: sql<number>`count(*)` })
    .from(statements)
    .where(inArray(statements.docId, docIds))
    .groupBy(statements.area);
}

/** In slices: a D1 statement takes at most 100 bound parameters. */
async function partsOf(db: Database, statementIds: string[]) {
  const out = [];
  for (let i = 0; i < statementIds.length; i += 90) {
    out.push(
      ...(await db
        .select({
          statementId: statementParts.statementId,
          ordinal: statementParts.ordinal,
          text: statementParts.text,
          itemId: statementParts.itemId,
          score: statementParts.score,
          itemLabel: provisionItems.label,
        })
        .from(statementParts)
        .leftJoin(provisionItems, eq(provisionItems.id, statementParts.itemId))
        .where(inArray(statementParts.statementId, statementIds.slice(i, i + 90)))
        .orderBy(asc(statementParts.statementId), asc(statementParts.ordinal))),
    );
  }
  return out;
}

export type BaselineStatement = Awaited<ReturnType<typeof statementsOf>>[number];
