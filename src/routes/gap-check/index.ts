import { createRouter } from "../../lib/create-router";
import * as handlers from "./gap-check.handlers";
import * as routes from "./gap-check.routes";

export const gapCheckRouter = createRouter().openapi(routes.gapCheck, handlers.gapCheck);
