/** How the service keeps its record sealed and checked (see the README's configuration table). */
export interface RecordIntegrityConfig {
  readonly dataDir: string;
  /** The installation's Ed25519 private key; generated on first start. Default DATA_DIR/record-seal-key.pem. */
  readonly keyFile: string;
  /** Public keys (PEM files) of other signers whose seals hold, e.g. the replica that seals. */
  readonly trustedKeyFiles: readonly string[];
  /** false: the keeper neither seals nor checks (RECORD_KEEPER=off). */
  readonly enabled: boolean;
  readonly sealing: boolean;
  readonly sealEvery: number;
  readonly sealIntervalMs: number;
  readonly verifyIntervalMs: number;
  readonly verifyOnStart: 'full' | 'tail';
}
