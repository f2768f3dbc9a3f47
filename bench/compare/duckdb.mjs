// duckdb.mjs DIR P S [REPS]: load the CSV files of export.c into an in-memory
// DuckDB, run q1.sql and q2.sql REPS times (default 3) and print
//   load MS
//   q1 MEDIAN_MS CHECKSUM
//   q2 MEDIAN_MS CHECKSUM ROWS
// Needs @duckdb/node-api (npm install --prefix bench/compare @duckdb/node-api).
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const [dir, P, S, repsArg] = process.argv.slice(2);
if (!dir || P === undefined || S === undefined) {
  console.error('usage: node duckdb.mjs DIR P S [REPS]');
  process.exit(2);
}
const reps = Number(repsArg ?? 3);
const here = dirname(fileURLToPath(import.meta.url));
const sql = (name) =>
  readFileSync(join(here, name), 'utf8')
    .replaceAll('{{P}}', String(P))
    .replaceAll('{{S}}', String(S))
    .replaceAll('{{NUM}}', 'DOUBLE')
    .replaceAll('{{DBL}}', 'DOUBLE');

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const csv = (f) => `read_csv('${join(dir, f).replaceAll("'", "''")}', header = true, auto_detect = false, `;
let t0 = performance.now();
await con.run(sql('schema.sql'));
await con.run(`INSERT INTO communes SELECT * FROM ${csv('communes.csv')} columns = {'comm': 'INTEGER', 'prov': 'INTEGER'})`);
await con.run(`INSERT INTO indicators SELECT * FROM ${csv('indicators.csv')} columns = {'ind': 'INTEGER', 'kind': 'INTEGER'})`);
await con.run(`INSERT INTO targets SELECT * FROM ${csv('targets.csv')} columns = {'comm': 'INTEGER', 'ind': 'INTEGER', 'target': 'DOUBLE'})`);
await con.run(`INSERT INTO obs SELECT * FROM ${csv('obs.csv')} columns = {'comm': 'INTEGER', 'ind': 'INTEGER', 'month': 'INTEGER', 'num': 'DOUBLE', 'den': 'DOUBLE'})`);
console.log(`load ${(performance.now() - t0).toFixed(1)}`);

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
for (const q of ['q1', 'q2']) {
  const text = sql(`${q}.sql`);
  const times = [];
  let row;
  for (let k = 0; k < reps; k++) {
    t0 = performance.now();
    const reader = await con.runAndReadAll(text);
    times.push(performance.now() - t0);
    row = reader.getRows()[0];
  }
  console.log(`${q} ${median(times).toFixed(2)} ${row.map((x) => String(Number(x))).join(' ')}`);
}
con.closeSync();
