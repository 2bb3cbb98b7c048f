import { createRouter } from "../../lib/create-router";
import * as handlers from "./status.handlers";
import * as routes from "./status.routes";

export const statusRouter = createRouter().openapi(routes.status, handlers.status);
