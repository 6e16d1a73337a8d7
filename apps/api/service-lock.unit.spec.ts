import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdDataDir, SERVICE_LOCK_FILE, serviceHolding } from './service-lock';

describe('the note a running service leaves in its data directory', () => {
  it('when a service holds the directory, then it is found until it lets go', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-lock-'));
    const release = holdDataDir(dir, 3300, new Date('2024-06-15T02:00:00Z'));
    expect(serviceHolding(dir)).toEqual({
      pid: process.pid,
      port: 3300,
      startedAt: '2024-06-15T02:00:00.000Z',
    });
    release();
    expect(serviceHolding(dir)).toBeUndefined();
  });

  it('when the process that left the note is gone, then nothing holds the directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-lock-'));
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(gone.stdout.toString());
    writeFileSync(join(dir, SERVICE_LOCK_FILE), JSON.stringify({ pid, port: 1, startedAt: '' }));
    expect(serviceHolding(dir)).toBeUndefined();
  });

  it('when the note is not one, then nothing holds the directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-lock-'));
    writeFileSync(join(dir, SERVICE_LOCK_FILE), 'garbage');
    expect(serviceHolding(dir)).toBeUndefined();
  });
});
