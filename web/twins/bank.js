// bank.js - JavaScript twin of web/examples/bank.py: the transfer batches
// of bench/parallel/bank.py (same generator, same signature check, same
// rule for rejecting a transfer), with the example's size and lines.
// Every batch depends on the balances left by the ones before it, so
// there is no split: it runs on one thread.

import { MODULUS } from '../../bench/js/common.js';
import { rjust } from './format.js';

const ACCOUNTS = 200;
const BATCHES = 120;
const TRANSFERS = 5;
const ROUNDS = 1500;
const INITIAL_BALANCE = 100;

function signature(rounds, state, src, dst, amount) {
  let h = state;
  for (let k = 0; k < rounds; k++) h = (h * 31 + src * 7 + dst * 3 + amount + k) % MODULUS;
  return h;
}

// One batch: moves money between `accounts` ({balance, transfers}) and
// returns [done, rejected, moved, digest].
function transferBatch(index, accounts) {
  let state = index + 1;
  let done = 0;
  let rejected = 0;
  let moved = 0;
  let digest = 0;
  for (let t = 0; t < TRANSFERS; t++) {
    state = state * 48271 % MODULUS;
    const src = state % accounts.length;
    state = state * 48271 % MODULUS;
    const dst = (src + 1 + state % (accounts.length - 1)) % accounts.length;
    state = state * 48271 % MODULUS;
    const amount = 1 + state % 120;
    digest = (digest + signature(ROUNDS, state, src, dst, amount)) % MODULUS;
    const a = accounts[src];
    const b = accounts[dst];
    if (a.balance >= amount) {
      a.balance -= amount;
      b.balance += amount;
      a.transfers += 1;
      b.transfers += 1;
      done += 1;
      moved += amount;
    } else {
      rejected += 1;
    }
  }
  return [done, rejected, moved, digest];
}

function run() {
  const accounts = [];
  for (let i = 0; i < ACCOUNTS; i++) accounts.push({ number: i, balance: INITIAL_BALANCE, transfers: 0 });
  let out = `money before: ${accounts.reduce((n, acc) => n + acc.balance, 0)}\n`;
  const outcomes = [];
  for (let i = 0; i < BATCHES; i++) {
    const [d, r, m] = outcomes[i] = transferBatch(i, accounts);
    if (i % 10 === 9) out += `batch ${rjust(i, 3)}: ${d} done, ${r} rejected, ${rjust(m, 3)} moved\n`;
  }
  let total = 0;
  let checksum = 0;
  let transfers = 0;
  for (const acc of accounts) {
    total += acc.balance;
    transfers += acc.transfers;
    checksum = (checksum * 131 + acc.balance) % 1000000007;
  }
  out += `money after:  ${total} ${total === INITIAL_BALANCE * ACCOUNTS ? '(conserved)' : '(LOST!)'}\n`;
  let done = 0;
  let rejected = 0;
  let moved = 0;
  let digest = 0;
  for (const [d, r, m, g] of outcomes) {
    done += d;
    rejected += r;
    moved += m;
    digest = (digest * 31 + g) % 1000000007;
  }
  out += `transfers counted twice: ${transfers === 2 * done ? 'True' : 'False'}\n`;
  out += `accounts=${ACCOUNTS} done=${done} rejected=${rejected} moved=${moved} balances=${checksum} digest=${digest}\n`;
  return out;
}

export const twin = { name: 'bank', run };
