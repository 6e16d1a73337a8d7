import { tokenCommand, tokenUsage } from './commands/token.command';
import { projectionsCommand, projectionsUsage } from './commands/projections.command';
import { exportCommand, exportUsage } from './commands/export.command';

const usage = `Duty Ledger CLI — npm run cli -- <command> [options]

  ${tokenUsage}
  ${projectionsUsage}
  ${exportUsage}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'token':
      return tokenCommand(rest);
    case 'projections':
      return projectionsCommand(rest);
    case 'export':
      return exportCommand(rest);
    default:
      console.log(usage);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
