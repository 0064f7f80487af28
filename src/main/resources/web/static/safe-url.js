// Decides which strings may be placed into src/href attributes.
// Only absolute http(s) URLs and our own root-relative paths pass; everything else
// (javascript:, data:, protocol-relative //host, backslash tricks, control characters) is refused.

const CONTROL = /[\u0000-\u001f\u007f\s\\]/;

/** @returns {string|null} the URL when it is safe to use as src/href, else null */
export function safeUrl(value) {
  if (typeof value !== 'string') return null;
  const url = value.trim();
  if (!url || url.length > 4096) return null;
  if (url.startsWith('/')) {
    if (url.startsWith('//') || CONTROL.test(url)) return null;
    return url;
  }
  const match = /^(https?):\/\/([^/?#]+)/i.exec(url);
  if (!match || CONTROL.test(url)) return null;
  return url;
}
