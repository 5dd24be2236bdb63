// wasi-worker.js - the one-worker fallback for browsers without
// SharedArrayBuffer (page not cross-origin isolated): runs the WASI build
// (build-wasi/txpy.wasm, single-threaded, transactions run serially) in
// this Web Worker with a minimal WASI preview 1 of its own.
//
// Messages in:  {module: WebAssembly.Module, source}  run once; the page
//               starts a fresh worker for every run (and terminates it to
//               stop a run).
// Messages out: {out: fd, text}  output as it is written (fd 1 or 2)
//               {exitCode}       when the program ended
//               {error}          the module trapped or could not start
//
// The program sees one directory, "/", holding only main.py (its source),
// and runs as `txpy main.py`; stdin is empty; sleeping spins on the clock
// (no Atomics.wait without shared memory).  Invariants: every WASI call
// returns an errno, none throws except proc_exit (caught below); output is
// decoded per stream with a streaming decoder, so a character split
// across two writes stays whole.

const ERRNO = { SUCCESS: 0, BADF: 8, INVAL: 28, NOENT: 44, NOSYS: 52, NOTDIR: 54, SPIPE: 70, ACCES: 2, ISDIR: 31 };
const FILETYPE = { CHARACTER_DEVICE: 2, DIRECTORY: 3, REGULAR_FILE: 4 };
const ROOT_FD = 3;
const PROGRAM = 'main.py';

class Exit {
  constructor(code) {
    this.code = code;
  }
}

function runProgram(module, source) {
  const programBytes = new TextEncoder().encode(source);
  const args = ['txpy', PROGRAM];
  const env = ['PWD=/'];
  const decoders = { 1: new TextDecoder(), 2: new TextDecoder() };
  const files = new Map();      // fd -> {offset}: open handles on main.py
  let nextFd = ROOT_FD + 1;
  let memory = null;

  const view = () => new DataView(memory.buffer);
  const bytes = () => new Uint8Array(memory.buffer);
  const emit = (fd, chunk, flush) => {
    const text = decoders[fd].decode(chunk, { stream: !flush });
    if (text) self.postMessage({ out: fd, text });
  };
  const readString = (ptr, len) => new TextDecoder().decode(bytes().slice(ptr, ptr + len));

  // Writes NUL-terminated strings and their pointers (args / environ).
  function putStrings(list, ptrs, buf) {
    const dv = view();
    const enc = new TextEncoder();
    let p = buf;
    list.forEach((s, i) => {
      const b = enc.encode(s);
      dv.setUint32(ptrs + 4 * i, p, true);
      bytes().set(b, p);
      bytes()[p + b.length] = 0;
      p += b.length + 1;
    });
    return ERRNO.SUCCESS;
  }
  function sizes(list, countPtr, sizePtr) {
    const dv = view();
    dv.setUint32(countPtr, list.length, true);
    dv.setUint32(sizePtr, list.reduce((n, s) => n + new TextEncoder().encode(s).length + 1, 0), true);
    return ERRNO.SUCCESS;
  }
  function filestat(ptr, type, size) {
    const dv = view();
    for (let i = 0; i < 64; i += 8) dv.setBigUint64(ptr + i, 0n, true);
    dv.setUint8(ptr + 16, type);
    dv.setBigUint64(ptr + 24, 1n, true);
    dv.setBigUint64(ptr + 32, BigInt(size), true);
    return ERRNO.SUCCESS;
  }
  function fdKind(fd) {
    if (fd >= 0 && fd <= 2) return FILETYPE.CHARACTER_DEVICE;
    if (fd === ROOT_FD) return FILETYPE.DIRECTORY;
    return files.has(fd) ? FILETYPE.REGULAR_FILE : 0;
  }
  function nowNs(clock) {
    if (clock === 0) return BigInt(Date.now()) * 1000000n;
    return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
  }

  const wasi = {
    args_get: (ptrs, buf) => putStrings(args, ptrs, buf),
    args_sizes_get: (countPtr, sizePtr) => sizes(args, countPtr, sizePtr),
    environ_get: (ptrs, buf) => putStrings(env, ptrs, buf),
    environ_sizes_get: (countPtr, sizePtr) => sizes(env, countPtr, sizePtr),
    clock_time_get(clock, _precision, out) {
      view().setBigUint64(out, nowNs(clock), true);
      return ERRNO.SUCCESS;
    },
    fd_close(fd) {
      return files.delete(fd) ? ERRNO.SUCCESS : ERRNO.BADF;
    },
    fd_fdstat_get(fd, out) {
      const kind = fdKind(fd);
      if (!kind) return ERRNO.BADF;
      const dv = view();
      dv.setUint8(out, kind);
      dv.setUint16(out + 2, 0, true);
      dv.setBigUint64(out + 8, 0xffffffffn, true);
      dv.setBigUint64(out + 16, 0xffffffffn, true);
      return ERRNO.SUCCESS;
    },
    fd_filestat_get(fd, out) {
      const kind = fdKind(fd);
      if (!kind) return ERRNO.BADF;
      return filestat(out, kind, kind === FILETYPE.REGULAR_FILE ? programBytes.length : 0);
    },
    fd_prestat_get(fd, out) {
      if (fd !== ROOT_FD) return ERRNO.BADF;
      view().setUint32(out, 0, true);
      view().setUint32(out + 4, 1, true);
      return ERRNO.SUCCESS;
    },
    fd_prestat_dir_name(fd, ptr, len) {
      if (fd !== ROOT_FD || len < 1) return ERRNO.BADF;
      bytes()[ptr] = 0x2f;  // "/"
      return ERRNO.SUCCESS;
    },
    fd_read(fd, iovs, iovsLen, nreadPtr) {
      const dv = view();
      let total = 0;
      const file = files.get(fd);
      if (fd !== 0 && !file) return ERRNO.BADF;
      for (let i = 0; i < iovsLen && file; i++) {
        const ptr = dv.getUint32(iovs + 8 * i, true);
        const len = dv.getUint32(iovs + 8 * i + 4, true);
        const chunk = programBytes.subarray(file.offset, file.offset + len);
        bytes().set(chunk, ptr);
        file.offset += chunk.length;
        total += chunk.length;
        if (chunk.length < len) break;
      }
      dv.setUint32(nreadPtr, total, true);
      return ERRNO.SUCCESS;
    },
    fd_seek(fd, offset, whence, out) {
      const file = files.get(fd);
      if (!file) return fd <= 2 ? ERRNO.SPIPE : ERRNO.BADF;
      const base = whence === 0 ? 0 : whence === 1 ? file.offset : programBytes.length;
      const pos = base + Number(offset);
      if (pos < 0) return ERRNO.INVAL;
      file.offset = pos;
      view().setBigUint64(out, BigInt(pos), true);
      return ERRNO.SUCCESS;
    },
    fd_write(fd, iovs, iovsLen, nwrittenPtr) {
      if (fd !== 1 && fd !== 2) return ERRNO.BADF;
      const dv = view();
      let total = 0;
      for (let i = 0; i < iovsLen; i++) {
        const ptr = dv.getUint32(iovs + 8 * i, true);
        const len = dv.getUint32(iovs + 8 * i + 4, true);
        emit(fd, bytes().slice(ptr, ptr + len), false);
        total += len;
      }
      dv.setUint32(nwrittenPtr, total, true);
      return ERRNO.SUCCESS;
    },
    path_filestat_get(fd, _flags, pathPtr, pathLen, out) {
      if (fd !== ROOT_FD) return ERRNO.BADF;
      const path = readString(pathPtr, pathLen).replace(/^\/+/, '');
      if (path === '' || path === '.') return filestat(out, FILETYPE.DIRECTORY, 0);
      if (path === PROGRAM) return filestat(out, FILETYPE.REGULAR_FILE, programBytes.length);
      return ERRNO.NOENT;
    },
    path_open(fd, _dirflags, pathPtr, pathLen, oflags, rightsBase, _rightsInh, _fdflags, out) {
      if (fd !== ROOT_FD) return ERRNO.BADF;
      const path = readString(pathPtr, pathLen).replace(/^\/+/, '');
      // Writing (fd_write rights) or creating: the file system is read-only.
      if ((oflags & 1) || (rightsBase & 64n)) return path === PROGRAM ? ERRNO.ACCES : ERRNO.NOENT;
      if (path === '' || path === '.') return ERRNO.ISDIR;
      if (path !== PROGRAM) return ERRNO.NOENT;
      if (oflags & 2) return ERRNO.NOTDIR;
      const handle = nextFd++;
      files.set(handle, { offset: 0 });
      view().setUint32(out, handle, true);
      return ERRNO.SUCCESS;
    },
    poll_oneoff(inPtr, outPtr, nsubs, neventsPtr) {
      // Only clock subscriptions (time.sleep): spin until the latest one.
      const dv = view();
      let waitNs = 0;
      for (let i = 0; i < nsubs; i++) {
        const sub = inPtr + 48 * i;
        if (dv.getUint8(sub + 8) === 0) waitNs = Math.max(waitNs, Number(dv.getBigUint64(sub + 24, true)));
      }
      const until = performance.now() + waitNs / 1e6;
      while (performance.now() < until) { /* spin: no blocking wait without shared memory */ }
      for (let i = 0; i < nsubs; i++) {
        const sub = inPtr + 48 * i;
        const ev = outPtr + 32 * i;
        dv.setBigUint64(ev, dv.getBigUint64(sub, true), true);
        dv.setUint16(ev + 8, 0, true);
        dv.setUint8(ev + 10, dv.getUint8(sub + 8));
      }
      dv.setUint32(neventsPtr, nsubs, true);
      return ERRNO.SUCCESS;
    },
    proc_exit(code) {
      throw new Exit(code);
    },
  };
  const imports = { wasi_snapshot_preview1: new Proxy(wasi, {
    get: (target, name) => target[name] || (() => ERRNO.NOSYS),
  }) };

  let exitCode = 0;
  try {
    const instance = new WebAssembly.Instance(module, imports);
    memory = instance.exports.memory;
    instance.exports._start();
  } catch (err) {
    if (!(err instanceof Exit)) {
      self.postMessage({ error: `txpy (WASI) stopped: ${err && err.message ? err.message : err}` });
      return;
    }
    exitCode = err.code;
  }
  emit(1, new Uint8Array(0), true);
  emit(2, new Uint8Array(0), true);
  self.postMessage({ exitCode });
}

self.onmessage = (event) => runProgram(event.data.module, event.data.source);
