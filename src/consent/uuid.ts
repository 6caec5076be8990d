/** RFC 4122 v4. `crypto.randomUUID` exists only in secure contexts; `getRandomValues` everywhere. */
export function uuid(): string {
  const random = crypto.getRandomValues(new Uint8Array(31))
  let i = 0
  // One random nibble per digit; the version digit is 4, the variant digit 8 to b.
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) =>
    (c == 'x' ? random[i++]! & 15 : (random[i++]! & 3) | 8).toString(16),
  )
}
