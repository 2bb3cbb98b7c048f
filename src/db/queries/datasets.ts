import { and, desc, eq, gt, isNotNull } from "drizzle-orm";
import type { Database } from "../client";
import { datasetReleases } from "../schema";

export async function latestPublishedRelease(db: Database) {
  return db
    .select()
    .from(datasetReleases)
    .where(and(eq(datasetReleases.status, "published"), isNotNull(datasetReleases.publishedAt)))
    .orderBy(desc(datasetReleases.publishedAt))
    .limit(1)
    .get();
}

export async function listReleases(db: Database, modifiedAfter: string | undefined, limit: number, offset: number) {
  const condition = modifiedAfter ? gt(datasetReleases.createdAt, modifiedAfter) : undefined;
  const [rows, total] = await Promise.all([
    db.select().from(datasetReleases).where(condition).orderBy(desc(datasetReleases.createdAt)).limit(limit).offset(offset),
    db.$count(datasetReleases, condition),
  ]);
  return { rows, total };
}

export async function findRelease(db: Database, version: string) {
  return db.select().from(datasetReleases).where(eq(datasetReleases.version, version)).get();
}
