// Times Alchemy 0.94.0's own S3StateStore and FileSystemStateStore on the data statestore's BenchSuite
// seeded, for the Alchemy column of docs/performance.md. BenchSuite starts it once per target:
//   node alchemy-bench.mjs s3-direct|s3-slow|s3-mem20|fs [quick] [only=get,set,getBatch,all,list]
// with BENCH_BUCKET (S3) or BENCH_FS_ROOT (fs), and for S3 AWS_ENDPOINT_URL_S3=http://127.0.0.1:PORT,
// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION. Each workload runs warm-up calls (for an S3
// workload, at least 20 s of them, as the Java side's JIT warm-up), then timed calls; the last line printed
// is a JSON object of workload -> {median, samples, cpu} in milliseconds, cpu being the process's CPU time
// (process.cpuUsage(), user and system, every thread) per timed call.
// A fresh process times one first call instead, as a command sees it:
//   node alchemy-bench.mjs fresh get|set|getBatch|all|list
// and prints {open, first, uptime, cpu}: milliseconds from the start of this script (before Alchemy's modules
// are imported) until the store is constructed and init() has returned, of the first call, the process's
// uptime and CPU time when it returned.
import { performance } from "node:perf_hooks";
import { readFile } from "node:fs/promises";

const scriptStart = performance.now();

const lib = new URL("./node_modules/alchemy/lib/", import.meta.url);
const { S3StateStore } = await import(new URL("aws/s3-state-store.js", lib));
const [target, ...args] = process.argv.slice(2);
const option = args[0];
const only = args.find((a) => a.startsWith("only="))?.slice("only=".length).split(",");
const { FileSystemStateStore } = target === "fs"
  ? await import(new URL("state/file-system-state-store.js", lib)) : {};

const quick = args.includes("quick");

// What Alchemy's stores read of a Scope: the chain of names, the FileSystem root, and secret settings.
function scope(...chain) {
  return { chain, dotAlchemy: process.env.BENCH_FS_ROOT, password: undefined, eraseSecrets: false };
}

function keys(count) {
  const digits = String(count - 1).length;
  return Array.from({ length: count }, (_, i) => "res-" + String(i).padStart(digits, "0"));
}

function expect(what, actual, wanted) {
  if (actual !== wanted) {
    throw new Error(`${what}: got ${actual}, expected ${wanted}`);
  }
}

// Milliseconds of warm-up calls for each S3 workload: the 20 s BenchSuite gives each Java benchmark.
const S3_WARMUP_MS = 20_000;

async function time(fn, warmup, runs, warmupMs = 0) {
  const n = quick ? Math.max(1, Math.ceil(runs / 5)) : runs;
  const warmEnd = performance.now() + (quick ? 0 : warmupMs);
  for (let i = 0; i < (quick ? Math.min(warmup, 1) : warmup) || performance.now() < warmEnd; i++) {
    await fn();
  }
  const samples = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  const cpuUsed = process.cpuUsage(cpuBefore);
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, samples, cpu: (cpuUsed.user + cpuUsed.system) / 1000 / n };
}

async function s3(slow) {
  const options = { bucketName: process.env.BENCH_BUCKET, region: process.env.AWS_REGION };
  const one = new S3StateStore(scope("bench", "one"), options);
  const k1000 = new S3StateStore(scope("bench", "k1000"), options);
  const k10000 = new S3StateStore(scope("bench", "k10000"), options);
  await Promise.all([one.init(), k1000.init(), k10000.init()]);
  const state = await one.get("resource");
  const ids = keys(1000);
  const single = slow ? [10, 40] : [200, 500];
  const workloads = {
    get: () => time(() => one.get("resource"), ...single, S3_WARMUP_MS),
    set: () => time(() => one.set("written", state), ...single, S3_WARMUP_MS),
    getBatch: () => time(async () => expect("getBatch", Object.keys(await k1000.getBatch(ids)).length, 1000), 2, 5,
      S3_WARMUP_MS),
    all: () => time(async () => expect("all", Object.keys(await k1000.all()).length, 1000), 2, 5, S3_WARMUP_MS),
    list: () => time(async () => expect("list", (await k10000.list()).length, 10000), 2, 5, S3_WARMUP_MS),
  };
  const results = {};
  for (const [name, run] of Object.entries(workloads)) {
    if (!only || only.includes(name)) {
      results[name] = await run();
    }
  }
  return results;
}

async function fileSystem() {
  const one = new FileSystemStateStore(scope("bench", "one"));
  const k1000 = new FileSystemStateStore(scope("bench", "k1000"));
  const written = new FileSystemStateStore(scope("bench", "alchemy-writes"));
  await written.init();
  const state = await one.get("resource");
  return {
    get: await time(() => one.get("resource"), 500, 2000),
    set: await time(() => written.set("written", state), 200, 1000),
    all: await time(async () => expect("all", Object.keys(await k1000.all()).length, 1000), 5, 20),
  };
}

// One first call in this fresh process; the document to write is the seeded file's, read without Alchemy.
async function fresh(workload) {
  const chain = workload === "list" ? ["bench", "k10000"] : workload === "get" || workload === "set"
    ? ["bench", "one"] : ["bench", "k1000"];
  const document = workload === "set"
    ? JSON.parse(await readFile(`${process.env.BENCH_FS_ROOT}/bench/one/resource.json`, "utf8")) : undefined;
  const options = { bucketName: process.env.BENCH_BUCKET, region: process.env.AWS_REGION };
  const store = new S3StateStore(scope(...chain), options);
  await store.init();
  const opened = performance.now();
  const calls = {
    get: async () => ((await store.get("resource")) ? 1 : 0),
    set: async () => { await store.set("written", document); return 1; },
    getBatch: async () => Object.keys(await store.getBatch(keys(1000))).length,
    all: async () => Object.keys(await store.all()).length,
    list: async () => (await store.list()).length,
  };
  const size = await calls[workload]();
  const done = performance.now();
  const wanted = { get: 1, set: 1, getBatch: 1000, all: 1000, list: 10000 }[workload];
  expect(workload, size, wanted);
  const cpu = process.cpuUsage();
  return { open: opened - scriptStart, first: done - opened, uptime: process.uptime() * 1000,
    cpu: (cpu.user + cpu.system) / 1000 };
}

const results = target === "fresh" ? await fresh(option)
  : target === "fs" ? await fileSystem() : await s3(target !== "s3-direct");
console.log(JSON.stringify(results));
