import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import { slugify } from "../../lib/text";
import type { Database } from "../client";
import { formerGssCodes, localAuthorities, referenceFiles, regions } from "../schema";

const laColumns = {
  laCode: localAuthorities.laCode,
  gssCode: localAuthorities.gssCode,
  name: localAuthorities.name,
  slug: localAuthorities.slug,
  laType: localAuthorities.laType,
  regionCode: regions.code,
  regionName: regions.name,
  regionSlug: regions.slug,
};

export type LaRow = {
  laCode: string;
  gssCode: string;
  name: string;
  slug: string;
  laType: string;
  regionCode: string;
  regionName: string;
  regionSlug: string;
  formerGssCodes: Array<{ gssCode: string; validTo: string; reason: string }>;
};

async function withFormerCodes(db: Database, rows: Omit<LaRow, "formerGssCodes">[]): Promise<LaRow[]> {
  // A handful of rows in all; one small query beats a join that repeats every LA row.
  const former = await db.select().from(formerGssCodes);
  return rows.map((row) => ({
    ...row,
    formerGssCodes: former
      .filter((f) => f.laCode === row.laCode)
      .map(({ gssCode, validTo, reason }) => ({ gssCode, validTo, reason })),
  }));
}

export interface LaFilters {
  regionCode?: string;
  /** Already folded with foldText. */
  nameFolded?: string;
  /** ISO instant: rows from reference files loaded after it. */
  modifiedAfter?: string;
}

export async function listLocalAuthorities(db: Database, filters: LaFilters, limit: number, offset: number) {
  const where: SQL[] = [];
  if (filters.regionCode) where.push(eq(localAuthorities.regionCode, filters.regionCode));
  if (filters.nameFolded) where.push(sql`instr(${localAuthorities.nameFolded}, ${filters.nameFolded}) > 0`);
  if (filters.modifiedAfter) {
    where.push(
      sql`${localAuthorities.referenceSha256} IN (SELECT ${referenceFiles.sha256} FROM ${referenceFiles} WHERE ${referenceFiles.loadedAt} > ${filters.modifiedAfter})`,
    );
  }
  const condition = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(laColumns)
      .from(localAuthorities)
      .innerJoin(regions, eq(regions.code, localAuthorities.regionCode))
      .where(condition)
      .orderBy(asc(localAuthorities.name))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(localAuthorities).where(condition),
  ]);
  return { rows: await withFormerCodes(db, rows), total: total?.n ?? 0 };
}

/** Resolves any identifier people use for an LA: DfE code, GSS code (current or former) or slug. */
export async function findLocalAuthority(db: Database, identifier: string) {
  const key = identifier.trim();
  let condition: SQL;
  if (/^\d{3}$/.test(key)) condition = eq(localAuthorities.laCode, key);
  else if (/^E\d{8}$/i.test(key)) {
    const gss = key.toUpperCase();
    condition = sql`(${localAuthorities.gssCode} = ${gss} OR ${localAuthorities.laCode} IN (SELECT ${formerGssCodes.laCode} FROM ${formerGssCodes} WHERE ${formerGssCodes.gssCode} = ${gss}))`;
  } else condition = eq(localAuthorities.slug, key.toLowerCase());
  const row = await db
    .select({
      ...laColumns,
      referenceSha256: referenceFiles.sha256,
      referencePath: referenceFiles.path,
      referenceSource: referenceFiles.source,
      referenceLicence: referenceFiles.licence,
      referenceLoadedAt: referenceFiles.loadedAt,
    })
    .from(localAuthorities)
    .innerJoin(regions, eq(regions.code, localAuthorities.regionCode))
    .innerJoin(referenceFiles, eq(referenceFiles.sha256, localAuthorities.referenceSha256))
    .where(condition)
    .get();
  if (!row) return null;
  const [withCodes] = await withFormerCodes(db, [row]);
  return { ...row, formerGssCodes: withCodes!.formerGssCodes };
}

export async function findRegion(db: Database, identifier: string) {
  const key = identifier.trim();
  return db
    .select()
    .from(regions)
    .where(sql`${regions.code} = ${key.toUpperCase()} OR ${regions.slug} = ${slugify(key)}`)
    .get();
}

export async function listRegions(db: Database) {
  return db.select().from(regions).orderBy(asc(regions.code));
}
