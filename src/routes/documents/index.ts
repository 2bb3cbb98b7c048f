import { createRouter } from "../../lib/create-router";
import * as handlers from "./documents.handlers";
import * as routes from "./documents.routes";

export const documentsRouter = createRouter().openapi(routes.laDocuments, handlers.laDocuments);
