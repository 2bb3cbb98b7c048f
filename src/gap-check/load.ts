/** What a gap check needs from D1: the LA's expected support and the vocabulary to match words against. */
import type { Database } from "../db/client";
import { allProvisionItems } from "../db/queries/provisions";
import type { Env } from "../env";
import type { AreaCode } from "../lib/send-terms";
import { createVocabularyMatcher, type VocabularyMatcher } from "../normalise/vocabulary";
import { buildBaseline } from "../routes/baselines/build-baseline";
import { expectedProvision } from "./expected-provision";

type NeedArea = Exclude<AreaCode, "WS">;

/** The LA's baseline for the chosen areas plus what is expected of every pupil ("WS"), within OAP only. */
export async function expectedSupport(db: Database, env: Env, la: { laCode: string; name: string; slug: string }, areas: readonly NeedArea[], phase: string | null) {
  const { body, statements } = await buildBaseline(db, env, la, { area: ["WS", ...areas], within_oap: true, ...(phase ? { phase } : {}) });
  return { baseline: body, entries: expectedProvision(statements) };
}

export async function vocabularyMatcher(db: Database): Promise<VocabularyMatcher> {
  const items = await allProvisionItems(db);
  return createVocabularyMatcher(
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
  );
}
