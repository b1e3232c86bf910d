import { startTestStack } from '../e2e/helpers';
import { loadDirectory } from '../../subgraphs/offices/data/load-directory';
import type { ExplorerTarget } from './explorer-target';

/** The real gateway on sandbox data with every subgraph, all on free ports. */
export async function startStackTarget(): Promise<ExplorerTarget> {
  // Same clean environment as the e2e tests: a shell's REDIS_URL or JD_API_URL must not leak into the run.
  const stack = await startTestStack();
  // PartnerSupportOffices asks for English-speaking offices; the first of them opens the result.
  const first = loadDirectory().offices.find((o) => o.languages.some((l) => l.toLowerCase() === 'english'));
  if (!first) throw new Error('the office directory has no English-speaking office for the explorer test to look for');
  return { origin: stack.urls.gatewayBase, partnerResultText: first.name, stop: () => stack.stop() };
}
