import { createRouter } from "../../lib/create-router";
import * as handlers from "./datasets.handlers";
import * as routes from "./datasets.routes";

export const datasetsRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.getOne, handlers.getOne)
  .openapi(routes.changes, handlers.changes)
  .openapi(routes.files, handlers.files)
  .openapi(routes.download, handlers.download);
