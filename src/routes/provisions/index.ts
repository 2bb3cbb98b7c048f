import { createRouter } from "../../lib/create-router";
import * as handlers from "./provisions.handlers";
import * as routes from "./provisions.routes";

export const provisionsRouter = createRouter().openapi(routes.list, handlers.list).openapi(routes.getOne, handlers.getOne);
