// Child process of bench/identify-scale.ts: the identification's own CSV loop (byte-level reader
// and per-account sums, then the order by value) on a file, 5 times, in a process of its own — the
// parent holds the local org's million records, whose heap would slow every garbage collection.
import { createReadStream } from 'node:fs';
import { AccountTotals } from '../../src/org/revenue.js';

const [path] = process.argv.slice(2);
const ms: number[] = [];
for (let i = 0; i < 5; i += 1) {
  const started = performance.now();
  const totals = new AccountTotals();
  totals.begin();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) totals.chunk(chunk as Buffer);
  totals.end();
  totals.commit();
  totals.values().sort((a, b) => b.revenue - a.revenue);
  ms.push(performance.now() - started);
}
ms.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ median: ms[2], min: ms[0], max: ms[4] }));
