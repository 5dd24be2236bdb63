// share.js - the program in the page's URL, so that a link shares it.
//
// The fragment holds `ex=<example id>` while the editor shows an example
// unchanged, else `code=<source>` (UTF-8, deflate-raw compressed, base64url
// without padding); `w=<workers>` in both cases.  Example:
//   http://127.0.0.1:8000/#ex=primes&w=2
//   http://127.0.0.1:8000/#code=K0jMK8ksSS0u...&w=1
// Invariant: decodeHash(encodeHash(s)) gives back s exactly (any Unicode
// text); a malformed fragment decodes to {} rather than throwing.

async function pipeBytes(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// {example, source, workers} -> "#..." (source used only without example).
export async function encodeHash({ example, source, workers }) {
  const params = new URLSearchParams();
  if (example) {
    params.set('ex', example);
  } else {
    const packed = await pipeBytes(new TextEncoder().encode(source), new CompressionStream('deflate-raw'));
    params.set('code', toBase64Url(packed));
  }
  if (workers) params.set('w', String(workers));
  return '#' + params.toString();
}

// "#..." -> {example?, source?, workers?}
export async function decodeHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const out = {};
  try {
    if (params.has('ex')) out.example = params.get('ex');
    if (params.has('code')) {
      const bytes = await pipeBytes(fromBase64Url(params.get('code')), new DecompressionStream('deflate-raw'));
      out.source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    const w = Number(params.get('w'));
    if (Number.isInteger(w) && w >= 1) out.workers = w;
  } catch {
    return {};
  }
  return out;
}
