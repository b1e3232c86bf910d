/**
 * Freezes a value and everything reachable through its own properties, and returns it. The memory
 * cache hands the object it stores to every request that reads it (see cache.ts); frozen, a loaded
 * value that some code mutates throws a TypeError (strict mode) instead of changing other requests' answers.
 * An object already frozen is taken as frozen all the way down (everything this froze is): the orders a
 * search page wrote through are not walked again when the page is written, and a cycle ends the walk.
 * Dates, Maps and Sets keep their internal state mutable; JD answers, parsed from JSON, hold none.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  // Frozen before its children, so a cycle back to it stops here.
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return value;
}
