import { randomBytes } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing it cannot be used to tie up the CPU. */
export const MAX_PASSWORD_LENGTH = 256;

/** Why a new password is refused, in Chinese for the person choosing it; undefined when it is fine. */
export function passwordProblem(password: unknown, userId?: string): string | undefined {
  if (typeof password !== 'string') return '密码必须是字符串';
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `密码至少需要${MIN_PASSWORD_LENGTH}个字符`;
  if (length > MAX_PASSWORD_LENGTH) return `密码最多${MAX_PASSWORD_LENGTH}个字符`;
  if (userId !== undefined && password.toLowerCase().includes(userId.toLowerCase()))
    return '密码不能包含用户名';
  return undefined;
}

/** A random first password: 20 characters of base64url, about 120 bits. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
