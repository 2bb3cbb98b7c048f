import { createRouter } from "../../lib/create-router";
import * as handlers from "./local-authorities.handlers";
import * as routes from "./local-authorities.routes";

export const localAuthoritiesRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.getOne, handlers.getOne);
