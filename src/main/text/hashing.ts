/**
 * Feature hashing: maps tokens and n-grams into a fixed id space so that new words never change
 * a model's shape. FNV-1a over UTF-16 code units with a final avalanche step, which spreads
 * short, similar strings evenly over the buckets.
 */
export function hashString(value: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

/**
 * Bucket in [1, buckets) for a token; 0 is reserved for padding.
 */
export function hashBucket(value: string, buckets: number, seed?: number): number {
  return 1 + (hashString(value, seed) % (buckets - 1))
}
