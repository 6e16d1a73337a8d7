import type { Command } from 'commander';
import { existingJwtSecret, mintToken, ROLES, type Role } from '@duty-ledger/auth';
import { loadDataConfig } from '../../api/config';

interface TokenOptions {
  role: string;
  sub?: string;
  unit?: string;
  name?: string;
  expires: string;
}

export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description(
      "Mints a bearer token signed with the service's secret (AUTH_JWT_SECRET or DATA_DIR/auth-jwt-secret).",
    )
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--sub <id>', 'user id')
    .option('--unit <单位>', 'the unit a lead acts for, as named in the plan (e.g. 区数据局)')
    .option('--name <姓名>', 'display name')
    .option('--expires <duration>', 'lifetime: seconds or 30m, 12h, 7d …', '12h')
    .action((options: TokenOptions) => {
      process.exitCode = tokenCommand(options);
    });
}

function tokenCommand(values: TokenOptions): number {
  if (!(ROLES as readonly string[]).includes(values.role)) {
    console.error(`--role must be one of ${ROLES.join(', ')}`);
    return 2;
  }
  if (values.role === 'lead' && !values.unit) {
    console.error(
      '--unit is required for a lead: the unit it acts for, as named in the plan (e.g. 区数据局)',
    );
    return 2;
  }
  const secret = existingJwtSecret(process.env.AUTH_JWT_SECRET, loadDataConfig().dataDir);
  const token = mintToken(secret, {
    sub: values.sub ?? `${values.role}-user`,
    role: values.role as Role,
    unit: values.unit,
    name: values.name,
    expiresIn: /^\d+$/.test(values.expires) ? Number(values.expires) : values.expires,
  });
  console.log(token);
  return 0;
}
