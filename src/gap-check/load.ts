/**
 * What a gap check needs from D1: the LA's expected support and the vocabulary to match words
 * against. Both are fixed for a data version, and a gap check is a POST the response cache
 * never sees, so they are kept in this isolate under the version instead of rebuilt per request.
 */
import type { Database } from "../db/client";
import { allProvisionItems } from "../db/queries/provisions";
import type { Env } from "../env";
import { dataVersion } from "../lib/response-cache";
import type { AreaCode } from "../lib/send-terms";
import { createVocabularyMatcher, type VocabularyMatcher } from "../normalise/vocabulary";
import { buildBaseline } from "../routes/baselines/build-baseline";
import { expectedProvision } from "./expected-provision";

type NeedArea = Exclude<AreaCode, "WS">;
type Expected = { baseline: Awaited<ReturnType<typeof buildBaseline>>["body"]; entries: ReturnType<typeof expectedProvision> };

/** Enough for every LA with a few area combinations each; the oldest entry goes first. */
const MAX_EXPECTED = 1000;
const expectedCache = new Map<string, Promise<Expected>>();
let matcherCache: { version: number; matcher: Promise<VocabularyMatcher> } | undefined;

/** The LA's baseline for the chosen areas plus what is expected of every pupil ("WS"), within OAP only. */
export async function expectedSupport(db: Database, env: Env, la: { laCode: string; name: string; slug: string }, areas: readonly NeedArea[], phase: string | null): Promise<Expected> {
  const key = `${await dataVersion(env)} ${la.laCode} ${[...areas].sort().join(",")} ${phase ?? ""}`;
  let found = expectedCache.get(key);
  if (!found) {
    found = buildBaseline(db, env, la, { area: ["WS", ...areas], within_oap: true, ...(phase ? { phase } : {}) }).then(({ body, statements }) => ({ baseline: body, entries: expectedProvision(statements) }));
    // A failed read is not kept, so the next request tries again.
    found.catch(() => expectedCache.delete(key));
    expectedCache.set(key, found);
    if (expectedCache.size > MAX_EXPECTED) expectedCache.delete(expectedCache.keys().next().value!);
  }
  return found;
}

export async function vocabularyMatcher(db: Database, env: Env): Promise<VocabularyMatcher> {
  const version = await dataVersion(env);
  if (matcherCache?.version !== version) {
    const matcher = allProvisionItems(db).then((items) =>
      createVocabularyMatcher(
        items.map((item) => ({
          id: item.id,
          label: item.label,
          definition: item.definition,
          area: item.area,
          itemType: item.itemType,
          typicalTier: item.typicalTier,
          synonyms: item.synonyms,
          seenIn: [],
        })),
      ),
    );
    matcher.catch(() => {
      if (matcherCache?.matcher === matcher) matcherCache = undefined;
    });
    matcherCache = { version, matcher };
  }
  return matcherCache.matcher;
}
