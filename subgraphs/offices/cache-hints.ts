// The directory is public and changes only with a new data file, so shared caches may keep it a day;
// answers that depend on the current time (openNow, nextOpensAt) go stale within a minute.
export const DIRECTORY_MAX_AGE_SECONDS = 86_400;
export const CLOCK_MAX_AGE_SECONDS = 60;
export const DIRECTORY_CACHE = `@cacheControl(maxAge: ${DIRECTORY_MAX_AGE_SECONDS}, scope: PUBLIC)`;
export const CLOCK_CACHE = `@cacheControl(maxAge: ${CLOCK_MAX_AGE_SECONDS}, scope: PUBLIC)`;
export const CACHE_NOTE = 'Public; cacheable for 24 hours (Cache-Control max-age=86400, public).';
export const CLOCK_NOTE = 'Depends on the current time: cacheable for 60 seconds only.';
