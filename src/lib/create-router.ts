import { OpenAPIHono, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { AppBindings } from "../env";
import { defaultHook } from "./validation";

/** Every resource router shares the validation hook, so all field errors look the same. */
export function createRouter() {
  return new OpenAPIHono<AppBindings>({ strict: false, defaultHook });
}

export type AppOpenAPI = ReturnType<typeof createRouter>;

export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppBindings>;
