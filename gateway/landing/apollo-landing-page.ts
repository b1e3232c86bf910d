import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';

/**
 * Apollo's embedded Sandbox where the network reaches Apollo's CDN (opt-in); otherwise none, so
 * Apollo Server never injects its CDN-loading default page and browsers go to the landing router.
 */
export function apolloLandingPagePlugin(enabled: boolean): ApolloServerPlugin {
  // includeCookies off: the sandbox sends the headers the user types, never the browser's cookies.
  return enabled
    ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
    : ApolloServerPluginLandingPageDisabled();
}
