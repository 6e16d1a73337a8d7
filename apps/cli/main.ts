import { Command, CommanderError } from 'commander';
import { registerTokenCommand } from './commands/token.command';
import { registerProjectionsCommand } from './commands/projections.command';
import { registerExportCommand } from './commands/export.command';
import { registerUnitCommand } from './commands/unit.command';
import { registerStatusRulesCommand } from './commands/status-rules.command';
import { registerVerifyCommand } from './commands/verify.command';
import { registerBackupCommands } from './commands/backup.command';
import { registerImportCommand } from './commands/import.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerRecordKeyCommand } from './commands/record-key.command';
import { registerUserCommand } from './commands/user.command';

/**
 * The CLI: one `register…Command(program)` per file in ./commands. Each action sets
 * `process.exitCode` (0 ok, 1 failed, 2 bad usage); commander prints usage and help.
 */
function buildProgram(): Command {
  const program = new Command('duty-ledger')
    .description('Duty Ledger CLI — npm run cli -- <command> [options]')
    .showHelpAfterError()
    .exitOverride();
  registerTokenCommand(program);
  registerProjectionsCommand(program);
  registerExportCommand(program);
  registerUnitCommand(program);
  registerStatusRulesCommand(program);
  registerImportCommand(program);
  registerVerifyCommand(program);
  registerRecordKeyCommand(program);
  registerBackupCommands(program);
  registerMigrateCommand(program);
  registerUserCommand(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      if (error instanceof CommanderError) {
        // help and version exit 0; usage errors were already printed by commander
        process.exit(error.exitCode === 0 ? 0 : 2);
      }
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
