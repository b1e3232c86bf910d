export { createLandingRouter } from './router';
export { landingPage, LANDING_CSP } from './landing-page';
export { apolloLandingPagePlugin } from './apollo-landing-page';
