import { and, desc, eq, isNotNull } from "drizzle-orm";
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

export async function listReleases(db: Database, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    db.select().from(datasetReleases).orderBy(desc(datasetReleases.createdAt)).limit(limit).offset(offset),
    db.$count(datasetReleases),
  ]);
  return { rows, total };
}

export async function findRelease(db: Database, version: string) {
  return db.select().from(datasetReleases).where(eq(datasetReleases.version, version)).get();
}
