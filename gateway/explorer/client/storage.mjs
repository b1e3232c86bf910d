/* global localStorage */
// GraphiQL keeps tabs in localStorage and ignores defaultTabs once any are stored. Keying storage by
// the examples' fingerprint means a visitor sees the new examples after they change.
export function namespacedStorage(namespace) {
  const prefix = `jd-explorer:${namespace}:`;
  const keys = () => Object.keys(localStorage).filter((k) => k.startsWith(prefix));
  return {
    getItem: (key) => localStorage.getItem(prefix + key),
    setItem: (key, value) => localStorage.setItem(prefix + key, value),
    removeItem: (key) => localStorage.removeItem(prefix + key),
    clear: () => keys().forEach((k) => localStorage.removeItem(k)),
    get length() {
      return keys().length;
    },
  };
}
