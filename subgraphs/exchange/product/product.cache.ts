/**
 * Cache hint for a product's live figures: public (the same for everyone) and no older than the JD
 * layer's own price cache (30 s by default), so a gateway cache adds no staleness of its own.
 */
export const PRODUCT_FIGURES_CACHE = '@cacheControl(maxAge: 30, scope: PUBLIC)';
