/* global document, Document */
// Runs before the editor bundle. Monaco and GraphiQL (and, on the schema map, Voyager's SVG pan-zoom
// controls, as an SVG <style>) add <style> elements at run time; the page's
// Content-Security-Policy accepts inline styles only with this response's nonce, so every <style>
// created from script gets it. Inline scripts and anything from another origin stay forbidden.
const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
const createElement = Document.prototype.createElement;
Document.prototype.createElement = function createElementWithNonce(tagName, options) {
  const element = createElement.call(this, tagName, options);
  if (nonce && String(tagName).toLowerCase() === 'style') element.setAttribute('nonce', nonce);
  return element;
};
const createElementNS = Document.prototype.createElementNS;
Document.prototype.createElementNS = function createElementNSWithNonce(namespace, qualifiedName, options) {
  const element = createElementNS.call(this, namespace, qualifiedName, options);
  if (nonce && String(qualifiedName).toLowerCase() === 'style') element.setAttribute('nonce', nonce);
  return element;
};
