import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { nextResponseWrite, trackResponseWrites } from "@/lib/server/response-writes";

/**
 * A real HTTP server whose handler runs inside trackResponseWrites, as the front door runs
 * Next: what it records is the order in which the waiters woke and the body was written.
 */
type Handler = (response: http.ServerResponse, log: string[]) => Promise<void>;

let server: http.Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(handler: Handler): Promise<{ log: string[]; body: string }> {
  const log: string[] = [];
  let handled: Promise<void> = Promise.resolve();
  server = http.createServer((_request, response) => {
    handled = trackResponseWrites(response, () => handler(response, log));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const body = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  await handled;
  return { log, body };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("waiting for a response's next write", () => {
  it("wakes after the write that follows the call, not before it", async () => {
    const { log, body } = await serve(async (response, log) => {
      response.write("shell;");
      const waited = nextResponseWrite(5_000).then(() => log.push("woke"));
      await pause(50);
      log.push("rows written");
      response.write("rows;");
      await waited;
      response.end("facets");
    });
    expect(log).toEqual(["rows written", "woke"]);
    expect(body).toBe("shell;rows;facets");
  });

  it("wakes once the write has left the socket: Node corks it until the next tick, and a waiter's blocking work must not hold it", async () => {
    const { log, body } = await serve(async (response, log) => {
      response.write("shell;");
      await pause(20);
      const waited = nextResponseWrite(5_000).then(() => log.push(`corked ${response.socket!.writableCorked}, pending ${response.socket!.writableLength}`));
      // Written from a promise continuation, as Next's renderer writes.
      await Promise.resolve().then(() => response.write("rows;"));
      await waited;
      response.end("facets");
    });
    expect(log).toEqual(["corked 0, pending 0"]);
    expect(body).toBe("shell;rows;facets");
  });

  it("wakes every waiter of the request on one write", async () => {
    const { log } = await serve(async (response, log) => {
      const both = Promise.all([nextResponseWrite(5_000).then(() => log.push("first")), nextResponseWrite(5_000).then(() => log.push("second"))]);
      await pause(20);
      response.write("rows;");
      await both;
      response.end();
    });
    expect(log).toEqual(["first", "second"]);
  });

  it("gives up after the cap when nothing is written", async () => {
    const { log } = await serve(async (response, log) => {
      const started = performance.now();
      await nextResponseWrite(30);
      log.push(performance.now() - started < 1_000 ? "capped" : "waited too long");
      response.end("done");
    });
    expect(log).toEqual(["capped"]);
  });

  it("wakes its waiters when the response ends without another write", async () => {
    const { log } = await serve(async (response, log) => {
      const waited = nextResponseWrite(5_000).then(() => log.push("woke"));
      response.end("all at once");
      await waited;
    });
    expect(log).toEqual(["woke"]);
  });

  it("waits a few event-loop turns where no response is tracked (next dev, a component test)", async () => {
    const order: string[] = [];
    const waited = nextResponseWrite(5_000).then(() => order.push("woke"));
    setImmediate(() => order.push("one turn later"));
    await waited;
    expect(order).toEqual(["one turn later", "woke"]);
  });
});
