import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import type { PostcodeQuery } from "../../lib/postcode";
import type { Database } from "../client";
import { localAuthorities, referenceFiles, schools } from "../schema";

const schoolColumns = {
  urn: schools.urn,
  name: schools.name,
  laCode: schools.laCode,
  laName: localAuthorities.name,
  laSlug: localAuthorities.slug,
  type: schools.type,
  phase: schools.phase,
  status: schools.status,
  postcode: schools.postcode,
  website: schools.website,
  inCurrentRegister: schools.inCurrentRegister,
};

export interface SchoolFilters {
  /** Already folded with foldText. */
  nameFolded?: string;
  laCode?: string;
  postcode?: PostcodeQuery;
  phaseSlug?: string;
  /** ISO instant: rows from reference files loaded after it. */
  modifiedAfter?: string;
}

export async function listSchools(db: Database, filters: SchoolFilters, limit: number, offset: number) {
  const where: SQL[] = [eq(schools.inCurrentRegister, true)];
  if (filters.laCode) where.push(eq(schools.laCode, filters.laCode));
  if (filters.phaseSlug) where.push(eq(schools.phaseSlug, filters.phaseSlug));
  if (filters.postcode?.kind === "full") where.push(eq(schools.postcodeCompact, filters.postcode.compact));
  if (filters.postcode?.kind === "outward") where.push(eq(schools.postcodeOutward, filters.postcode.outward));
  if (filters.nameFolded) where.push(sql`instr(${schools.nameFolded}, ${filters.nameFolded}) > 0`);
  if (filters.modifiedAfter) {
    where.push(sql`${schools.referenceSha256} IN (SELECT ${referenceFiles.sha256} FROM ${referenceFiles} WHERE ${referenceFiles.loadedAt} > ${filters.modifiedAfter})`);
  }
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select(schoolColumns)
      .from(schools)
      .innerJoin(localAuthorities, eq(localAuthorities.laCode, schools.laCode))
      .where(condition)
      .orderBy(asc(schools.name), asc(schools.urn))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(schools).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findSchool(db: Database, urn: number) {
  return db
    .select({
      ...schoolColumns,
      referenceSha256: referenceFiles.sha256,
      referencePath: referenceFiles.path,
      referenceSource: referenceFiles.source,
      referenceLicence: referenceFiles.licence,
      referenceLoadedAt: referenceFiles.loadedAt,
    })
    .from(schools)
    .innerJoin(localAuthorities, eq(localAuthorities.laCode, schools.laCode))
    .innerJoin(referenceFiles, eq(referenceFiles.sha256, schools.referenceSha256))
    .where(eq(schools.urn, urn))
    .get();
}
