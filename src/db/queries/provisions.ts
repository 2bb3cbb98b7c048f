/**
 * The vocabulary of canonical provision items, and which LAs' current guidance expects each
 * item, at which tier.
 */
import { and, asc, eq, inArray, isNotNull, notInArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import {
  documentLas,
  documents,
  localAuthorities,
  provisionItems,
  provisionItemSynonyms,
  statementParts,
  statements,
  tiers,
  type RECORD_METHODS,
} from "../schema";
import { NOT_CURRENT } from "./oap";

type RecordMethod = (typeof RECORD_METHODS)[number];

export async function allProvisionItems(db: Database) {
  const [items, synonyms] = await Promise.all([
    db.select().from(provisionItems).orderBy(asc(provisionItems.area), asc(provisionItems.label)),
    db.select().from(provisionItemSynonyms).orderBy(asc(provisionItemSynonyms.itemId), asc(provisionItemSynonyms.synonym)),
  ]);
  return items.map((item) => ({ ...item, synonyms: synonyms.filter((s) => s.itemId === item.id).map((s) => s.synonym) }));
}

export type ProvisionItem = Awaited<ReturnType<typeof allProvisionItems>>[number];

/** The joins from an item match to the LAs whose current, served guidance holds it. */
function servedMatches(methods: RecordMethod[], extra: SQL[]) {
  return and(
    isNotNull(statementParts.itemId),
    inArray(documents.method, methods),
    notInArray(documents.status, [...NOT_CURRENT]),
    ...extra,
  );
}

export async function laCountsByItem(db: Database, methods: RecordMethod[]) {
  const rows = await db
    .select({ itemId: statementParts.itemId, las: sql<number>`count(DISTINCT ${documentLas.laCode})` })
    .from(statementParts)
    .innerJoin(statements, eq(statements.id, statementParts.statementId))
    .innerJoin(documents, eq(documents.id, statements.docId))
    .innerJoin(documentLas, eq(documentLas.docId, documents.id))
    .where(servedMatches(methods, []))
    .groupBy(statementParts.itemId);
  return new Map(rows.map((r) => [r.itemId!, r.las]));
}

/** Per LA, item and tier: how many statements match, and one of them as an example. */
export async function itemExpectations(db: Database, methods: RecordMethod[], filters: { itemIds?: string[]; laCodes?: string[]; areas?: string[] }) {
  const extra: SQL[] = [];
  if (filters.itemIds) extra.push(inArray(statementParts.itemId, filters.itemIds));
  if (filters.laCodes) extra.push(inArray(documentLas.laCode, filters.laCodes));
  if (filters.areas) extra.push(inArray(statements.area, filters.areas as Array<(typeof statements.area.enumValues)[number]>));
  return db
    .select({
      laCode: documentLas.laCode,
      laName: localAuthorities.name,
      laSlug: localAuthorities.slug,
      itemId: sql<string>`${statementParts.itemId}`,
      tier: statements.canonicalTier,
      tierLabel: statements.tierLabel,
      withinOap: tiers.withinOap,
      statements: sql<number>`count(DISTINCT ${statements.id})`,
      example: sql<string>`min(${statements.textRaw})`,
    })
    .from(statementParts)
    .innerJoin(statements, eq(statements.id, statementParts.statementId))
    .innerJoin(documents, eq(documents.id, statements.docId))
    .innerJoin(documentLas, eq(documentLas.docId, documents.id))
    .innerJoin(localAuthorities, eq(localAuthorities.laCode, documentLas.laCode))
    .leftJoin(tiers, and(eq(tiers.schemeId, documents.tierSchemeId), eq(tiers.ordinal, statements.tierOrdinal)))
    .where(servedMatches(methods, extra))
    .groupBy(documentLas.laCode, statementParts.itemId, statements.canonicalTier, statements.tierLabel, tiers.withinOap)
    .orderBy(asc(localAuthorities.name), asc(statementParts.itemId));
}

/** LA codes whose current guidance we hold (served documents of any kind). */
export async function lasWithGuidance(db: Database, methods: RecordMethod[]) {
  const rows = await db
    .selectDistinct({ laCode: documentLas.laCode })
    .from(documentLas)
    .innerJoin(documents, eq(documents.id, documentLas.docId))
    .where(and(inArray(documents.method, methods), notInArray(documents.status, [...NOT_CURRENT])));
  return rows.map((r) => r.laCode);
}
