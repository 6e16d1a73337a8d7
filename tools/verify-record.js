#!/usr/bin/env node
// Duty Ledger's record, checked without Duty Ledger: one file, Node.js built-ins only, so an
// auditor can read all of it and trust nothing else.
//
//   node verify-record.js --key record-seal-key.pub.pem log.jsonl     a log export (cli export log)
//   node verify-record.js --key record-seal-key.pub.pem --proof p.json  GET /events/:position/proof
//
// The rules (docs/record-integrity.md): each event's leaf is SHA-256(0x00 ‖ canonical JSON of
// id, streamId, revision, type, schemaVersion, data, metadata, recordedAt), keys sorted, no
// spaces; the chain head after it is SHA-256(0x01 ‖ previous head ‖ leaf), starting from 32 zero
// bytes. A seal (stream "record-seals", type "RecordSealed") states the head after `count` events,
// lists the first 16 hex characters of each leaf it covers since the previous seal, and is signed
// with Ed25519 over the canonical JSON of everything in it but `signature`.
// Exit status: 0 all holds, 1 something does not, 2 bad usage.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const readline = require('node:readline');
const { Buffer } = require('node:buffer');

const ZERO = '0'.repeat(64);

function canonical(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
}

const sha256 = (...parts) => {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

function leafOf(e) {
  const fields = {
    id: e.id,
    streamId: e.streamId,
    revision: e.revision,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    recordedAt: e.recordedAt,
  };
  return sha256(Buffer.from([0]), Buffer.from(canonical(fields), 'utf8'));
}

const next = (head, leaf) =>
  sha256(Buffer.from([1]), Buffer.from(head, 'hex'), Buffer.from(leaf, 'hex'));

const isSeal = (e) => e.streamId === 'record-seals' && e.type === 'RecordSealed';

function signatureHolds(seal, publicKey) {
  const { signature, ...body } = seal;
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url').toString('base64');
  if (seal.publicKey !== raw) return `it is signed by key ${seal.keyId}, not by the key given`;
  const ok = crypto.verify(
    null,
    Buffer.from(canonical(body), 'utf8'),
    publicKey,
    Buffer.from(String(signature), 'base64'),
  );
  return ok ? null : 'its signature does not verify';
}

async function checkLog(file, publicKey) {
  const lines = readline.createInterface({
    input: fs.createReadStream(file, 'utf8'),
    crlfDelay: Infinity,
  });
  let head = ZERO;
  let count = 0;
  let sealed = { sequence: 0, count: 0, head: ZERO, position: null };
  let window = []; // { position, digest, head } since the last good seal's coverage
  let seals = 0;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (line.trim() === '') continue;
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      return fail(`line ${lineNo} is not JSON`, sealed);
    }
    const leaf = leafOf(e);
    head = next(head, leaf);
    window.push({ position: e.position, digest: leaf.slice(0, 16), head, seal: isSeal(e) });
    count += 1;
    if (!isSeal(e)) continue;
    const s = e.data;
    const where = `seal #${s.sequence} at position ${e.position}`;
    const problem = signatureHolds(s, publicKey);
    if (problem) return fail(`${where}: ${problem}`, sealed);
    if (
      s.sequence !== sealed.sequence + 1 ||
      s.fromCount !== sealed.count ||
      s.previousHead !== sealed.head
    )
      return fail(`${where} does not follow seal #${sealed.sequence}`, sealed);
    const covered = s.count - s.fromCount;
    if (covered > window.length - 1)
      return fail(
        `${where}: ${covered - (window.length - 1)} sealed event(s) are missing before it`,
        sealed,
      );
    for (let i = 0; i < covered; i++) {
      if (window[i].digest !== s.digests[i])
        return fail(
          `position ${window[i].position} (event #${s.fromCount + i}) does not match ${where}: altered, removed, inserted or reordered`,
          sealed,
        );
    }
    if ((covered === 0 ? sealed.head : window[covered - 1].head) !== s.head)
      return fail(`${where}: its head does not match the events it covers`, sealed);
    window = window.slice(covered);
    sealed = { sequence: s.sequence, count: s.count, head: s.head, position: e.position };
    seals += 1;
  }
  console.log(
    `OK: ${count} events, ${seals} seals hold; ${window.filter((w) => !w.seal).length} event(s) after the last seal's coverage are not sealed yet`,
  );
  return 0;
}

function fail(message, sealed) {
  console.log(`BROKEN: ${message}`);
  console.log(
    sealed.sequence > 0
      ? `last seal that holds: #${sealed.sequence} at position ${sealed.position} (covers ${sealed.count} events)`
      : 'no seal holds',
  );
  return 1;
}

function checkProof(file, publicKey) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  const s = p.seal;
  const problem = signatureHolds(s, publicKey);
  if (problem) return fail(`the proof's seal #${s.sequence}: ${problem}`, { sequence: 0 });
  if (!(p.index >= s.fromCount && p.index < s.count) || p.leaves.length !== s.count - s.fromCount)
    return fail('the proof does not cover the event under its seal', { sequence: 0 });
  const leaf = leafOf(p.event);
  if (p.leaves[p.index - s.fromCount] !== leaf)
    return fail(`the event at position ${p.event.position} is not the one the seal covers there`, {
      sequence: 0,
    });
  let head = s.previousHead;
  for (let i = 0; i < p.leaves.length; i++) {
    if (p.leaves[i].slice(0, 16) !== s.digests[i])
      return fail('the chain segment does not match the seal', { sequence: 0 });
    head = next(head, p.leaves[i]);
  }
  if (head !== s.head)
    return fail("the chain segment does not lead to the seal's head", { sequence: 0 });
  console.log(
    `OK: event ${p.event.id} (stream ${p.event.streamId}, revision ${p.event.revision}) is event #${p.index} of the log under seal #${s.sequence} of ${s.sealedAt}, signed by key ${s.keyId}`,
  );
  return 0;
}

async function main(argv) {
  const keyAt = argv.indexOf('--key');
  const proofAt = argv.indexOf('--proof');
  const keyFile = keyAt >= 0 ? argv[keyAt + 1] : undefined;
  const proofFile = proofAt >= 0 ? argv[proofAt + 1] : undefined;
  const rest = argv.filter((_, i) => ![keyAt, keyAt + 1, proofAt, proofAt + 1].includes(i));
  if (!keyFile || (!proofFile && rest.length !== 1)) {
    console.error('usage: node verify-record.js --key PUBLIC.pem (LOG.jsonl | --proof PROOF.json)');
    return 2;
  }
  const publicKey = crypto.createPublicKey(fs.readFileSync(keyFile, 'utf8'));
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    console.error(`${keyFile} is not an Ed25519 public key`);
    return 2;
  }
  return proofFile ? checkProof(proofFile, publicKey) : checkLog(rest[0], publicKey);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error && error.message ? error.message : error);
    process.exit(1);
  },
);
