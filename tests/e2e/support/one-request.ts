import http from "node:http";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One HTTP request on a connection of its own (no keep-alive agent): a server of several
 * processes hands each new connection to the next one, so consecutive requests reach
 * different processes. `from` sends it from another loopback address (127.0.0.x), for
 * limits keyed on the client's address. A JSON `body` is sent with its content type.
 */
export function once(url: string, options: { method?: string; headers?: Record<string, string>; body?: unknown; from?: string } = {}): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? "GET", agent: false, localAddress: options.from, headers: { ...options.headers, ...(body ? { "content-type": "application/json" } : {}) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
