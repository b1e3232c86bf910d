import { loadGatewayConfig } from '../gateway/config';
import { issueCustomerToken } from '../gateway/auth';

// `npm run --silent token -- <customerPin>`: a bearer token the running gateway (same env) accepts.
async function main(): Promise<void> {
  const pin = process.argv[2];
  if (!pin) throw new Error('Usage: npm run --silent token -- <customerPin>   (e.g. jd_demo_alice)');
  const config = loadGatewayConfig();
  process.stdout.write(`${await issueCustomerToken(config.jwt, pin)}\n`);
}

main().catch((err: unknown) => {
  // Bad configuration (a ConfigError) or usage: the message says what to fix.
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
