/** Discord-shaped ids: milliseconds since the Discord epoch shifted left 22 bits, plus a counter. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** A long opaque token like the ones Discord hands out for interactions. */
export function interactionToken(id: string): string {
  const noise = Array.from({ length: 4 }, () => Math.random().toString(36).slice(2)).join('');
  return Buffer.from(`interaction:${id}:${noise}`).toString('base64url');
}
