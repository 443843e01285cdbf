/** A bare gateway client for protocol tests: every frame it receives, a way to wait for one, and its close code. */
import WebSocket from 'ws';

export interface Frame {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

export async function connect(url: string) {
  const ws = new WebSocket(`${url}?v=10&encoding=json`);
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    frames.push(JSON.parse(data.toString()) as Frame);
    for (const waiter of [...waiters]) waiter();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve) => ws.once('open', resolve));
  const next = (test: (frame: Frame) => boolean) =>
    new Promise<Frame>((resolve) => {
      const check = () => {
        const found = frames.find(test);
        if (found) {
          waiters.delete(check);
          resolve(found);
        }
      };
      waiters.add(check);
      check();
    });
  const send = (payload: unknown) => ws.send(JSON.stringify(payload));
  return { ws, frames, next, send, closed };
}

export type RawGatewayClient = Awaited<ReturnType<typeof connect>>;
