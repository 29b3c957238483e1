// A test's HTTP client on a bare socket: sends the request target exactly as written (http.request
// would normalise an absolute-form target or refuse odd characters), reads the answer until the
// server closes, or only the head of an event stream.
import net from 'node:net';

export interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawRequest {
  method: string;
  /** The request target as sent: `/api/events`, `http://127.0.0.1:4173/api/events`, `/%61pi/events`... */
  target: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request on its own connection (Connection: close); an event stream is closed once its head is in. */
export function rawRequest(port: number, request: RawRequest): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    let done = false;
    const finish = () => {
      if (done) return;
      const head = data.indexOf('\r\n\r\n');
      if (head < 0) {
        done = true;
        reject(new Error(`no answer to ${request.method} ${request.target}: ${JSON.stringify(data.slice(0, 200))}`));
        return;
      }
      done = true;
      const [statusLine = '', ...lines] = data.slice(0, head).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: data.slice(head + 4) });
      socket.destroy();
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      // A stream never ends by itself: its head and first comment are enough.
      if (/\r\ncontent-type: text\/event-stream/i.test(data) && data.includes(': connected')) finish();
    });
    socket.on('close', finish);
    socket.on('error', (error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    });
    const body = request.body ?? '';
    const headers = {
      host: `127.0.0.1:${port}`,
      connection: 'close',
      ...(request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
      ...request.headers,
    };
    const lines = [`${request.method} ${request.target} HTTP/1.1`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
  });
}
