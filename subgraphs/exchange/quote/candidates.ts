import { SOURCE_PRECEDENCE, type ExchangeOptionSource } from './quote.enums';

/** A SKU offered for exchange and the source it is listed under. */
export interface Candidate {
  skuId: string;
  source: ExchangeOptionSource;
}

/**
 * Picks the candidates of each requested source: walking sources in precedence order (CART,
 * SAME_SHOP, BESTSELLER), each takes up to `perSource` SKUs in its own order that are not the
 * original and not already taken by an earlier source. De-duplicating before capping means a
 * shared SKU never costs a later source one of its places.
 */
export function pickCandidates(
  skusBySource: ReadonlyMap<ExchangeOptionSource, readonly string[]>,
  originalSkuId: string,
  perSource: number,
): Candidate[] {
  const taken = new Set<string>([originalSkuId]);
  const picked: Candidate[] = [];
  for (const source of SOURCE_PRECEDENCE) {
    const skus = skusBySource.get(source);
    if (!skus) continue;
    let count = 0;
    for (const skuId of skus) {
      if (count >= perSource) break;
      if (taken.has(skuId)) continue;
      taken.add(skuId);
      picked.push({ skuId, source });
      count += 1;
    }
  }
  return picked;
}
