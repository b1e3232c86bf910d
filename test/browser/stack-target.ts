import { startStack } from '../../stack/start-stack';
import { loadDirectory } from '../../subgraphs/offices/data/load-directory';
import type { ExplorerTarget } from './explorer-target';

/** The real gateway on sandbox data with every subgraph, all on free ports. */
export async function startStackTarget(): Promise<ExplorerTarget> {
  const stack = await startStack({ ...process.env, LOG_LEVEL: 'silent' }, { ports: { sandbox: 0, orders: 0, afterSales: 0, exchange: 0, offices: 0, gateway: 0 } });
  // PartnerSupportOffices asks for English-speaking offices; the first of them opens the result.
  const first = loadDirectory().offices.find((o) => o.languages.some((l) => l.toLowerCase() === 'english'));
  if (!first) throw new Error('the office directory has no English-speaking office for the explorer test to look for');
  return { origin: stack.urls.gatewayBase, partnerResultText: first.name, stop: () => stack.stop() };
}
