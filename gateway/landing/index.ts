export { createLandingRouter } from './router';
export { landingPage, LANDING_CSP, type LandingPageOptions } from './landing-page';
export { apolloLandingPagePlugin } from './apollo-landing-page';
