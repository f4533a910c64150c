// A small seeded generator (mulberry32): the same sequence in every browser and in Node, cheap
// enough not to show in timings. For the gallery's synthetic data, the peer bench's epoch shuffles
// and the API fuzz test; the core has its own (PCG32, core/lib/rng.hpp).
/** Returns () => a number in [0, 1), from a 32-bit seed. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
