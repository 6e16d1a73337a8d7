import { parseArgs } from 'node:util';
import { mintToken, ROLES, type Role } from '@duty-ledger/auth';
import { loadConfig } from '../../api/config';

export const tokenUsage = `token --role <admin|supervisor|lead|viewer> --sub <user id> [--unit <单位>] [--name <姓名>] [--expires 12h]
    Mints a bearer token signed with the service's secret (AUTH_JWT_SECRET or DATA_DIR/auth-jwt-secret).`;

export function tokenCommand(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      unit: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
    strict: true,
  });
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) {
    console.error(`--role must be one of ${ROLES.join(', ')}`);
    return 2;
  }
  if (values.role === 'lead' && !values.unit) {
    console.error(
      '--unit is required for a lead: the unit it acts for, as named in the plan (e.g. 区数据局)',
    );
    return 2;
  }
  const config = loadConfig();
  const token = mintToken(config.jwtSecret, {
    sub: values.sub ?? `${values.role}-user`,
    role: values.role as Role,
    unit: values.unit,
    name: values.name,
    expiresIn: /^\d+$/.test(values.expires ?? '') ? Number(values.expires) : values.expires,
  });
  console.log(token);
  return 0;
}
