/**
 * The gateway never reports to Apollo, whatever the environment says. @apollo/gateway reads
 * APOLLO_TELEMETRY_DISABLED when an ApolloGateway is constructed, so every process entry that builds
 * a gateway calls this once, before anything else; importing the gateway changes no global state.
 */
export function disableApolloTelemetry(env: NodeJS.ProcessEnv = process.env): void {
  env.APOLLO_TELEMETRY_DISABLED = '1';
}
