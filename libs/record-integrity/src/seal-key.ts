import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The installation's signing key, kept in the data directory beside the log it seals. */
export const SEAL_KEY_FILE = 'record-seal-key.pem';

export function sealKeyPath(dataDir: string): string {
  return join(dataDir, SEAL_KEY_FILE);
}

/** A public key as seals and verifiers name it. */
export interface SealPublicKey {
  readonly key: KeyObject;
  /** The raw 32-byte Ed25519 key, base64: what a seal carries. */
  readonly raw: string;
  /** First 16 hex characters of SHA-256 of the raw key: how people tell keys apart. */
  readonly keyId: string;
  readonly pem: string;
}

export interface SealKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: SealPublicKey;
}

export function describePublicKey(key: KeyObject): SealPublicKey {
  const raw = Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');
  return {
    key,
    raw: raw.toString('base64'),
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
    pem: key.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

/** The public key of a raw 32-byte Ed25519 key in base64, as a seal carries it. */
export function publicKeyFromRaw(raw: string): SealPublicKey {
  const x = Buffer.from(raw, 'base64');
  if (x.length !== 32) throw new TypeError('An Ed25519 public key has 32 bytes');
  return describePublicKey(
    createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: x.toString('base64url') },
      format: 'jwk',
    }),
  );
}

/** Reads a public key from a PEM file (SPKI), or the public half of a private key file. */
export function readPublicKey(file: string): SealPublicKey {
  const pem = readFileSync(file, 'utf8');
  const key = pem.includes('PRIVATE KEY')
    ? createPublicKey(createPrivateKey(pem))
    : createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new TypeError(`${file} does not hold an Ed25519 key`);
  return describePublicKey(key);
}

/**
 * The installation's key pair: read from `file`, or generated into it (readable by its owner
 * only) on first use. `generated` says which, so the service can print the new public key.
 */
export function loadOrCreateSealKey(file: string): SealKeyPair & { generated: boolean } {
  if (existsSync(file)) {
    const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new TypeError(`${file} does not hold an Ed25519 private key`);
    }
    return {
      privateKey,
      publicKey: describePublicKey(createPublicKey(privateKey)),
      generated: false,
    };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(file), { recursive: true });
  // 'wx': two processes starting at once must not overwrite each other's key.
  writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    mode: 0o600,
    flag: 'wx',
  });
  return { privateKey, publicKey: describePublicKey(publicKey), generated: true };
}
