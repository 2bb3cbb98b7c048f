import { createRouter } from "../../lib/create-router";
import * as handlers from "./compare.handlers";
import * as routes from "./compare.routes";

export const compareRouter = createRouter().openapi(routes.compare, handlers.compare);
