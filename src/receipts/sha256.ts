/**
 * SHA-256 of a text's UTF-8 bytes, as lowercase hex. WebCrypto exists only in secure contexts, and a
 * receipt from a plain-http site needs its hashes too, so the function is also written out here.
 */
export async function sha256(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text)
  const digest = crypto.subtle ? new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)) : compute(bytes)
  return Array.from(digest, (b) => (b + 256).toString(16).slice(1)).join('')
}

const rotate = (x: number, n: number) => (x >>> n) | (x << (32 - n))

/** FIPS 180-4. Constants are the fractional parts of roots of the first primes, as the standard defines them. */
export function compute(data: Uint8Array): Uint8Array {
  const primes: number[] = []
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p)) primes.push(n)
  const fraction = (x: number) => ((x % 1) * 2 ** 32) >>> 0
  const k = primes.map((p) => fraction(Math.cbrt(p)))
  let h = primes.slice(0, 8).map((p) => fraction(Math.sqrt(p)))

  // The message, a 1 bit, zeros, and its length in bits (64-bit big-endian), to a multiple of 64 bytes.
  const padded = new Uint8Array(((data.length + 72) >> 6) << 6)
  padded.set(data)
  padded[data.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(data.length / 2 ** 29))
  view.setUint32(padded.length - 4, data.length * 8)

  const w: number[] = []
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 64; i++) {
      if (i < 16) w[i] = view.getUint32(offset + i * 4)
      else {
        const a = w[i - 15]!
        const b = w[i - 2]!
        w[i] = ((rotate(a, 7) ^ rotate(a, 18) ^ (a >>> 3)) + (rotate(b, 17) ^ rotate(b, 19) ^ (b >>> 10)) + w[i - 7]! + w[i - 16]!) | 0
      }
    }
    let [a, b, c, d, e, f, g, j] = h as [number, number, number, number, number, number, number, number]
    for (let i = 0; i < 64; i++) {
      const t1 = (j + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + k[i]! + w[i]!) | 0
      const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
      j = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    h = [a, b, c, d, e, f, g, j].map((x, i) => (x + h[i]!) | 0)
  }
  const out = new DataView(new ArrayBuffer(32))
  h.forEach((x, i) => out.setUint32(i * 4, x))
  return new Uint8Array(out.buffer)
}
