/**
 * Writes a synthetic Apple Health export.xml (or export.zip) of about N MB, and optionally reads it
 * back with the importer in Node, printing MB/s and peak memory.
 *
 *   node --import tsx bench/health-gen.ts 200 .tmp/export.xml          # write only
 *   node --import tsx bench/health-gen.ts 200 .tmp/export.xml --import # write, then import and measure
 *   node --import tsx bench/health-gen.ts 200 .tmp/export.zip          # a deflated zip around it
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { Zip, ZipDeflate } from 'fflate';
import { generateAppleHealthXml } from '../src/importers/health/testing/generate';
import { importAppleHealth } from '../src/importers/health';

const [mbArg, path, ...flags] = process.argv.slice(2);
const mb = Number(mbArg);
if (!Number.isFinite(mb) || mb <= 0 || path === undefined) {
  console.error('usage: node --import tsx bench/health-gen.ts <MB> <out.xml|out.zip> [--import] [--seed=N]');
  process.exit(2);
}
const seed = Number(flags.find((f) => f.startsWith('--seed='))?.slice(7) ?? 1);

async function write(): Promise<void> {
  const out = createWriteStream(path!);
  const put = async (chunk: Uint8Array) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const xml = generateAppleHealthXml(mb * 1_000_000, seed);
  if (path!.endsWith('.zip')) {
    const pending: Uint8Array[] = [];
    const zip = new Zip((err, data) => {
      if (err) throw err;
      pending.push(data);
    });
    const entry = new ZipDeflate('apple_health_export/export.xml', { level: 6 });
    zip.add(entry);
    for await (const chunk of xml) {
      entry.push(chunk);
      for (const p of pending.splice(0)) await put(p);
    }
    entry.push(new Uint8Array(0), true);
    zip.end();
    for (const p of pending.splice(0)) await put(p);
  } else {
    for await (const chunk of xml) await put(chunk);
  }
  out.end();
  await once(out, 'finish');
}

const t0 = performance.now();
await write();
const size = statSync(path).size;
console.log(`wrote ${path}: ${(size / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

if (flags.includes('--import')) {
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await importAppleHealth(createReadStream(path, { highWaterMark: 64 * 1024 }), {
    totalBytes: size,
    onProgress: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
  });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  clearInterval(sample);
  console.log(
    `imported ${(result.bytesRead / 1e6).toFixed(1)} MB, ${result.records} records, ${result.daily.length} daily aggregates, ${result.workouts.length} workouts`,
  );
  // CPU time as well as wall time: on a shared machine the wall clock mostly measures the others.
  const xmlMb = path!.endsWith('.zip') ? mb : result.bytesRead / 1e6;
  console.log(
    `${(xmlMb / seconds).toFixed(1)} MB of XML/s wall (${seconds.toFixed(1)} s), ${(xmlMb / cpuSeconds).toFixed(1)} MB/CPU-s (${cpuSeconds.toFixed(1)} s), peak RSS ${(peakRss / 1e6).toFixed(0)} MB`,
  );
}
