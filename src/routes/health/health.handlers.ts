import type { AppRouteHandler } from "../../lib/create-router";
import type { HealthzRoute } from "./health.routes";

export const healthz: AppRouteHandler<HealthzRoute> = (c) => {
  c.header("Cache-Control", "no-store");
  return c.json({ status: "ok" as const }, 200);
};
