// bank: JavaScript twin of bench/parallel/bank.py (same algorithm, sizes,
// options and output line).  Batches of transfers between accounts, each
// with a mock signature check; a transfer is rejected when its source
// account lacks the money, so every batch depends on the batches before it
// and there is no threaded variant (--threads 1 only).  --accounts N sets
// the number of accounts as in the Python program.

import { MODULUS, cli } from './common.js';

// size -> [batches, transfers per batch, default account count, rounds of
// the signature check]
const SIZES = {
  tiny: [16, 5, 100, 200],
  quick: [100, 5, 1000, 600],
  default: [400, 5, 1000, 4500],
};

// "size accounts" -> result
const EXPECTED = {
  'tiny 100': 'accounts=100 done=64 rejected=16 moved=2759 balances=389717509 digest=607749608',
  'quick 1000': 'accounts=1000 done=407 rejected=93 moved=20389 balances=864875251 digest=646655067',
  'default 1000': 'accounts=1000 done=1500 rejected=500 moved=78172 balances=420696024 digest=542853787',
  'default 10': 'accounts=10 done=1131 rejected=869 moved=55555 balances=396951769 digest=924322715',
  'default 100': 'accounts=100 done=1213 rejected=787 moved=60168 balances=717724904 digest=588934730',
  'default 10000': 'accounts=10000 done=1635 rejected=365 moved=82730 balances=404590569 digest=610767775',
};

const INITIAL_BALANCE = 100;

class Account {
  constructor(number) {
    this.number = number;
    this.balance = INITIAL_BALANCE;
    this.transfers = 0;
  }
}

function signature(rounds, state, src, dst, amount) {
  let h = state;
  for (let k = 0; k < rounds; k++) h = (h * 31 + src * 7 + dst * 3 + amount + k) % MODULUS;
  return h;
}

function transferBatch(index, count, rounds, accounts) {
  let state = index + 1;
  let done = 0;
  let rejected = 0;
  let moved = 0;
  let digest = 0;
  for (let t = 0; t < count; t++) {
    state = state * 48271 % MODULUS;
    const src = state % accounts.length;
    state = state * 48271 % MODULUS;
    const dst = (src + 1 + state % (accounts.length - 1)) % accounts.length;
    state = state * 48271 % MODULUS;
    const amount = 1 + state % 120;
    digest = (digest + signature(rounds, state, src, dst, amount)) % MODULUS;
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

function run(sizeName, extra = {}) {
  const [batches, count, defaultAccounts, rounds] = SIZES[sizeName];
  const accountsCount = extra.accounts === undefined ? defaultAccounts : extra.accounts;
  const accounts = [];
  for (let i = 0; i < accountsCount; i++) accounts.push(new Account(i));
  const outcomes = [];
  for (let i = 0; i < batches; i++) outcomes.push(transferBatch(i, count, rounds, accounts));
  let total = 0;
  let checksum = 0;
  let transfers = 0;
  for (const acc of accounts) {
    total += acc.balance;
    transfers += acc.transfers;
    checksum = (checksum * 131 + acc.balance) % 1000000007;
  }
  if (total !== INITIAL_BALANCE * accountsCount) return `BAD total ${total}`;
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
  if (transfers !== 2 * done) return `BAD transfer count ${transfers}`;
  return `accounts=${accountsCount} done=${done} rejected=${rejected} moved=${moved} balances=${checksum} digest=${digest}`;
}

export const bench = {
  name: 'bank',
  sizes: SIZES,
  expected: EXPECTED,
  options: {
    accounts: (text) => (/^[0-9]+$/.test(text) && Number(text) >= 2 ? Number(text) : undefined),
  },
  expectedKey(sizeName, extra) {
    const accounts = extra.accounts === undefined ? SIZES[sizeName][2] : extra.accounts;
    return `${sizeName} ${accounts}`;
  },
  run,
};

cli(bench, import.meta.url);
