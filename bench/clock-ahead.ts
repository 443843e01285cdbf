/**
 * Loaded with `--import` into a bot process by the crash benchmark: the process's clock runs
 * BENCH_CLOCK_AHEAD_MS ahead, as if it had been restarted that much later. Timers are not touched.
 */
const ahead = Number(process.env.BENCH_CLOCK_AHEAD_MS ?? 0);

if (ahead) {
  const RealDate = Date;
  class AheadDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + ahead);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + ahead;
    }
  }
  globalThis.Date = AheadDate as DateConstructor;
}
