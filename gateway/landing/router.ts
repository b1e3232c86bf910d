import express, { type Request, type Router } from 'express';
import { LANDING_CSP, landingPage, type LandingPageOptions } from './landing-page';

/** A browser navigating to the URL (not a GraphQL client, not a GET with a query). */
function browserNavigation(req: Request): boolean {
  if (req.query.query !== undefined || req.query.extensions !== undefined) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/** GET / (the landing page) and, unless Apollo's Sandbox is on, a redirect for browsers that open the GraphQL URL. */
export function createLandingRouter(options: LandingPageOptions): Router {
  const html = landingPage(options);
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.setHeader('content-security-policy', LANDING_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.type('html').send(html);
  });
  if (!options.apolloSandbox) {
    router.get(options.graphqlPath, (req, res, next) => {
      if (!browserNavigation(req)) return next();
      res.redirect(302, options.explorerPath ?? '/');
    });
  }
  return router;
}
