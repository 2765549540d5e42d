// The vote page's proof of work, off the page's thread (a Web Worker): find a proof such that
// SHA-256(nonce + ":" + proof) starts with `difficulty` zero bits, counting up in base 36 from "0" exactly like the
// Java solver (votes.events.challenge.Hashcash), so both find the same proof for the same challenge.
// SHA-256 is written out here because SubtleCrypto's digest is asynchronous: a promise per attempt would make a
// 16-bit search (65,536 attempts on average) take seconds instead of a fraction of one. No build step, no library.
//   in:  {op: 'solve', nonce, difficulty}  out: {op: 'progress', tried} (about 10 a second), then {op: 'solved', proof, tried}
//   in:  {op: 'digest', text}              out: {op: 'digest', hex}   (for the tests: SHA-256 of the UTF-8 text)
// The page cancels a search by terminating the worker: the search loop never yields to read messages.
'use strict';

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const W = new Uint32Array(64);
const H = new Uint32Array(8);
const encoder = new TextEncoder();
const REPORT_MS = 100;

/** A message of `length` bytes with SHA-256's padding already in place: fill bytes 0..length-1, then hash. */
function paddedMessage(length) {
  const bytes = new Uint8Array(((length + 9 + 63) >> 6) << 6);
  bytes[length] = 0x80;
  const view = new DataView(bytes.buffer);
  view.setUint32(bytes.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(bytes.length - 4, (length * 8) >>> 0);
  return { bytes, view };
}

/** Hashes a padded message into H (the digest as eight big-endian words). */
function hash(message) {
  H.set(INITIAL);
  for (let block = 0; block < message.bytes.length; block += 64) compress(message.view, block);
}

/** SHA-256 (FIPS 180-4) of some bytes, as 32 bytes. */
function sha256(bytes) {
  const message = paddedMessage(bytes.length);
  message.bytes.set(bytes);
  hash(message);
  const digest = new Uint8Array(32);
  const out = new DataView(digest.buffer);
  for (let i = 0; i < 8; i++) out.setUint32(4 * i, H[i]);
  return digest;
}

function compress(view, offset) {
  for (let t = 0; t < 16; t++) W[t] = view.getUint32(offset + 4 * t);
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15];
    const w2 = W[t - 2];
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
  }
  let a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
  for (let t = 0; t < 64; t++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
}

/** Whether the digest in H starts with `bits` zero bits (0..256). */
function startsWithZeroBits(bits) {
  let word = 0;
  for (; bits >= 32; bits -= 32) if (H[word++] !== 0) return false;
  return bits === 0 || (H[word] >>> (32 - bits)) === 0;
}

// One padded buffer per proof length (the proof grows a character every 36^k attempts): no allocation per attempt.
function solve(nonce, difficulty) {
  const prefix = encoder.encode(nonce + ':');
  let message = null;
  let lastReport = Date.now();
  for (let n = 0; ; n++) {
    const proof = n.toString(36);
    if (message === null || message.proofLength !== proof.length) {
      message = paddedMessage(prefix.length + proof.length);
      message.bytes.set(prefix);
      message.proofLength = proof.length;
    }
    for (let i = 0; i < proof.length; i++) message.bytes[prefix.length + i] = proof.charCodeAt(i);
    hash(message);
    if (startsWithZeroBits(difficulty)) {
      postMessage({ op: 'solved', proof, tried: n + 1 });
      return;
    }
    if ((n & 1023) === 1023 && Date.now() - lastReport >= REPORT_MS) {
      lastReport = Date.now();
      postMessage({ op: 'progress', tried: n + 1 });
    }
  }
}

onmessage = (event) => {
  const m = event.data;
  if (m.op === 'solve') solve(String(m.nonce), Number(m.difficulty));
  else if (m.op === 'digest') {
    postMessage({ op: 'digest', hex: Array.from(sha256(encoder.encode(m.text)), (x) => x.toString(16).padStart(2, '0')).join('') });
  }
};
