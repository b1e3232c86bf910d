/**
 * A caller's writes, counted so that nothing shared in flight can hand them an answer from before
 * their own write. Every mutation moves its caller's epoch on when it starts and again when it ends;
 * sharing keys carry the epoch, so a query that starts after a write never joins an operation or a
 * subgraph fetch that started before (or during) it, even though the write evicted nothing in flight.
 *
 * Epochs live in a fixed ring of counters indexed by a hash of the verified identity: memory stays
 * bounded however many callers come and go, and a collision only costs a missed chance to share.
 */
const SLOTS = 4096;

/** FNV-1a over UTF-16 code units: cheap, and spreads identity JSON well enough for a ring index. */
function slotOf(identity: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < identity.length; i++) {
    hash ^= identity.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SLOTS;
}

export class WriteEpochs {
  private readonly epochs = new Uint32Array(SLOTS);

  /** The caller's current epoch (`identity` as identityJson writes it). */
  of(identity: string): number {
    return this.epochs[slotOf(identity)];
  }

  /** The caller wrote, or is writing: what is already in flight for them is no longer joinable. */
  advance(identity: string): void {
    this.epochs[slotOf(identity)]++;
  }
}
