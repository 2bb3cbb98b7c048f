import { createRouter } from "../../lib/create-router";
import * as handlers from "./baselines.handlers";
import * as routes from "./baselines.routes";

export const baselinesRouter = createRouter()
  .openapi(routes.laBaseline, handlers.laBaseline)
  .openapi(routes.schoolBaseline, handlers.schoolBaseline);
