import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadOrCreateSealKey } from '@duty-ledger/record-integrity';
import { installationKeyFile } from './record-side';

export function registerRecordKeyCommand(program: Command): void {
  program
    .command('record-key')
    .description(
      "Prints the installation's public key, which checks its seals (generated into DATA_DIR on first use). Publish it; keep record-seal-key.pem private.",
    )
    .option('--out <file>', 'also write the public key (PEM) to this file')
    .action((options: { out?: string }) => {
      const file = installationKeyFile();
      const key = loadOrCreateSealKey(file);
      if (options.out) writeFileSync(options.out, key.publicKey.pem);
      console.log(
        `key id ${key.publicKey.keyId} (${file}${key.generated ? ', generated now' : ''})`,
      );
      process.stdout.write(key.publicKey.pem);
      if (options.out) console.log(`written to ${options.out}`);
      process.exitCode = 0;
    });
}
