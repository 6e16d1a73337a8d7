import { fork, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly reqId?: string;
  readonly actor?: { id: string; role: string; unit?: string };
  readonly [key: string]: unknown;
}

/**
 * The real service as `npm start` runs it (from its TypeScript sources) in a child process,
 * logging JSON lines, which are kept for assertions. `env` adds to or overrides the defaults.
 */
export class ServiceProcess {
  readonly lines: LogLine[] = [];
  readonly raw: string[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private buffered = '';

  constructor(env: Record<string, string>) {
    this.child = fork(join(root, 'apps/api/main.ts'), [], {
      cwd: root,
      execArgv: ['-r', require.resolve('../support/register-app.js')],
      env: {
        ...process.env,
        EVENTSTORE_CONNECTION_STRING: '',
        PORT: '0',
        EVENT_STORE_FSYNC: 'false',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
        SHUTDOWN_TIMEOUT_MS: '15000',
        ...env,
      },
      stdio: 'pipe',
    });
    this.exited = new Promise((r) => this.child.once('exit', (code) => r(code)));
    this.child.stdout!.on('data', (chunk: Buffer) => this.take(chunk.toString('utf8')));
    this.child.stderr!.on('data', (chunk: Buffer) => this.raw.push(chunk.toString('utf8')));
  }

  private take(text: string): void {
    this.buffered += text;
    const parts = this.buffered.split('\n');
    this.buffered = parts.pop() ?? '';
    for (const line of parts) {
      this.raw.push(line);
      if (line.startsWith('{')) this.lines.push(JSON.parse(line) as LogLine);
    }
  }

  /** The address it serves on, once it says so in its log. */
  async baseUrl(): Promise<string> {
    for (let i = 0; i < 1200; i += 1) {
      const serving = this.lines.find((l) => l.msg.startsWith('Serving on '));
      if (serving) return /Serving on (http:\/\/[^ ]+)/.exec(serving.msg)![1];
      if (this.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the service did not start:\n${this.raw.join('\n')}`);
  }

  kill(signal: NodeJS.Signals): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/** Asks /health/ready until it answers 200 (bounded), for a service starting or catching up. */
export async function untilReady(url: string): Promise<void> {
  for (let i = 0; i < 1200; i += 1) {
    if ((await fetch(`${url}/health/ready`)).status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} never became ready`);
}
