import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/utils/env.server";

/**
 * The Ed25519 key that signs audit checkpoints. It lives in a file outside the database
 * (AUDIT_SIGNING_KEY_PATH), so someone who can rewrite the database cannot re-sign a forged chain.
 * Generated on first use with owner-only permissions (0600); several instances starting together
 * race safely because the file is created exclusively and the loser reads the winner's key.
 */
export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
}

const cache = new Map<string, SigningKey>();

/** A short, stable name for a public key: the first 16 hex digits of SHA-256 over its DER form. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);
}

function fromPrivatePem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error("The audit signing key must be an Ed25519 private key (PKCS#8 PEM).");
  }
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

function createKeyFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  try {
    // "wx": fail if another instance created it first; mode applies to the new file only.
    writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

export function signingKeyPath(): string {
  return path.resolve(env().AUDIT_SIGNING_KEY_PATH);
}

/** The signing key, generated on first use if the file does not exist yet. */
export function auditSigningKey(file = signingKeyPath()): SigningKey {
  const cached = cache.get(file);
  if (cached) return cached;
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    createKeyFile(file);
    pem = readFileSync(file, "utf8");
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    console.warn(`Warning: the audit signing key ${file} is readable by other users; chmod 600 it.`);
  }
  const key = fromPrivatePem(pem);
  cache.set(file, key);
  return key;
}

/** The key if its file exists; never creates one (a verifier must not invent a new key). */
export function existingAuditSigningKey(file = signingKeyPath()): SigningKey | null {
  if (!cache.has(file) && !existsSync(file)) return null;
  return auditSigningKey(file);
}

export function signMessage(key: SigningKey, message: string): string {
  return sign(null, Buffer.from(message, "utf8"), key.privateKey).toString("base64");
}

export function verifyMessage(publicKey: KeyObject, message: string, signatureBase64: string): boolean {
  try {
    return verify(null, Buffer.from(message, "utf8"), publicKey, Buffer.from(signatureBase64, "base64"));
  } catch {
    return false;
  }
}

export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey(pem);
}
