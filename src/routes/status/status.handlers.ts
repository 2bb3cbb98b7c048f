import { database } from "../../db/client";
import { latestPublishedRelease } from "../../db/queries/datasets";
import { dataVersionNumber, failingSubjects, stageSummary } from "../../db/queries/status";
import type { AppRouteHandler } from "../../lib/create-router";
import type { StatusRoute } from "./status.routes";

type Stage = "discover" | "fetch" | "extract" | "normalise" | "gate" | "publish";

export const status: AppRouteHandler<StatusRoute> = async (c) => {
  const db = database(c.env.DB);
  const [release, version, stages, failing] = await Promise.all([latestPublishedRelease(db), dataVersionNumber(db), stageSummary(db), failingSubjects(db, 200)]);
  return c.json(
    {
      dataset_version: release?.version ?? null,
      data_version: version,
      stages: stages.map((s) => ({
        stage: s.stage as Stage,
        last_at: s.last_at,
        run_id: s.run_id,
        outcomes: { ok: s.ok, unchanged: s.unchanged, held_back: s.held_back, failed: s.failed },
      })),
      failing: failing.map((f) => ({ ...f, subject: f.subject as "oap_source", outcome: f.outcome as "failed" | "held_back" })),
    },
    200,
  );
};
