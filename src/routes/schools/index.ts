import { createRouter } from "../../lib/create-router";
import * as handlers from "./schools.handlers";
import * as routes from "./schools.routes";

export const schoolsRouter = createRouter().openapi(routes.list, handlers.list).openapi(routes.getOne, handlers.getOne);
