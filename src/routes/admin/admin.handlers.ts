import { database } from "../../db/client";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError } from "../../lib/problem";
import { enqueue, type RefreshMessage } from "../../refresh/messages";
import { RUNNABLE_SOURCE_SQL } from "../../refresh/schedule";
import { requireLocalAuthority, requireSchool } from "../resolve";
import type { RefreshRoute } from "./admin.routes";

export const refresh: AppRouteHandler<RefreshRoute> = async (c) => {
  const body = c.req.valid("json");
  const db = database(c.env.DB);
  let messages: RefreshMessage[];
  if ("la" in body) {
    const la = await requireLocalAuthority(db, body.la);
    // The LA's own runnable source(s), or the source holding the document it shares.
    const { results } = await c.env.DB.prepare(
      `SELECT id FROM oap_sources WHERE ${RUNNABLE_SOURCE_SQL} AND (la_code = ?1 OR id IN (SELECT shared_source_id FROM oap_sources WHERE la_code = ?1)) ORDER BY id`,
    )
      .bind(la.laCode)
      .all<{ id: string }>();
    if (!results.length) throw new ApiError("unprocessable_content", `${la.name} has no source to refresh: its guidance has not been found yet.`, { status: 422 });
    messages = results.map((r) => ({ kind: "oap_source", id: r.id, reason: "admin" }));
  } else {
    const school = await requireSchool(db, body.urn);
    if (!school.website) throw new ApiError("unprocessable_content", `The reference data has no website for ${school.name}, so there is nowhere to look for its report.`, { status: 422 });
    messages = [{ kind: "school_report", urn: school.urn, reason: "admin" }];
  }
  await enqueue(c.env.REFRESH_QUEUE, messages);
  c.header("Cache-Control", "no-store");
  return c.json({ enqueued: messages, status_url: "/v1/status" }, 202);
};
