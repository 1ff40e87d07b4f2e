import { createHmac } from 'node:crypto';

/** Standard TOTP (RFC 6238: SHA-1, 6 digits, 30 s) from a base32 secret, `offset` steps from now. */
export function totp(secret: string, offset = 0): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const bytes = Buffer.alloc(Math.floor(bits.length / 8));
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const counter = Math.floor(Date.now() / 1000 / 30) + offset;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac('sha1', bytes).update(message).digest();
  const start = hmac[hmac.length - 1] & 0x0f;
  const value = (hmac.readUInt32BE(start) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}
