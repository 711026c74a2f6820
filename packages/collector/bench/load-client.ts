/**
 * A deliberately small HTTP/1.1 client for the ingest benchmark's load: one keep-alive socket per
 * simulated client, one request at a time on it, the request written as one buffer and the response
 * parsed only as far as the status, Content-Length and body. The load generator shares the machine's
 * cores with the collector, so every microsecond it spends is one the collector does not get; Node's
 * `http.request` costs about 0.5 ms of CPU per request here, this about a fifth of that.
 */
import { connect, type Socket } from 'node:net';

export interface LoadResponse {
  status: number;
  body: string;
}

export class LoadConnection {
  private socket: Socket;
  private buffered: Buffer | undefined;
  private waiting: { resolve: (r: LoadResponse) => void; reject: (e: Error) => void } | undefined;
  private ready: Promise<void>;
  private failed: Error | undefined;

  constructor(
    private host: string,
    private port: number,
  ) {
    this.socket = connect({ host, port, noDelay: true });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (e: Error) => {
      this.failed = e;
      this.waiting?.reject(e);
      this.waiting = undefined;
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed')));
  }

  /** POSTs a JSON body; `headers` is extra header lines, each ending in \r\n. */
  async post(path: string, body: string, headers = ''): Promise<LoadResponse> {
    await this.ready;
    if (this.failed) throw this.failed;
    const head = `POST ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(head + body);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer) {
    const data = this.buffered ? Buffer.concat([this.buffered, chunk]) : chunk;
    const end = data.indexOf('\r\n\r\n');
    if (end < 0) {
      this.buffered = data;
      return;
    }
    const head = data.toString('latin1', 0, end);
    const m = /\r\ncontent-length: *(\d+)/i.exec(head);
    const length = m ? Number(m[1]) : 0;
    if (data.length < end + 4 + length) {
      this.buffered = data;
      return;
    }
    this.buffered = data.length > end + 4 + length ? data.subarray(end + 4 + length) : undefined;
    const status = Number(head.slice(9, 12));
    const w = this.waiting;
    this.waiting = undefined;
    w?.resolve({ status, body: data.toString('utf8', end + 4, end + 4 + length) });
  }
}
