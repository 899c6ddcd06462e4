/**
 * FNV-1a of a text as 8 hex digits, from the given offset basis: short, stable and synchronous (no
 * WebCrypto needed in a pure module). Two offsets give two independent halves of a longer id.
 */
export function fnv1a(text: string, offset: number): string {
  let hash = offset >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
