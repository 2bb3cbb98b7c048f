import { createRouter } from "../../lib/create-router";
import { ADMIN_SCHEME } from "../../lib/admin-auth";
import * as handlers from "./admin.handlers";
import * as routes from "./admin.routes";

export const adminRouter = createRouter().openapi(routes.refresh, handlers.refresh);

adminRouter.openAPIRegistry.registerComponent("securitySchemes", ADMIN_SCHEME, {
  type: "http",
  scheme: "bearer",
  description: "The deployment's ADMIN_TOKEN secret (`wrangler secret put ADMIN_TOKEN`). Only write endpoints use it; reads need no credentials.",
});
