import { createRouter } from "../../lib/create-router";
import * as handlers from "./root.handlers";
import * as routes from "./root.routes";

export const rootRouter = createRouter().openapi(routes.root, handlers.root);
