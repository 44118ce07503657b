/**
 * Summarising a 30-document case (issue 16's goal: ≤ 500 ms), in Node: Thomas's rehabilitation
 * case file (27 documents) with three long letters added, summarised by src/summaries, against
 * only splitting the same texts into sentences (the least any extractive method must do). The
 * module is pure, so V8 here runs the same code as the vault page does. Heap growth over the
 * runs is reported as the memory figure.
 */
import type { Document } from '../src/municipal/api/schemas';
import { buildThomas } from '../src/municipality-server/data/personas/thomas';
import { KleCatalog } from '../src/municipality-server/data/kle';
import { REHAB_NOTES } from '../src/municipality-server/data/texts';
import { splitSentences, summariseCase, type CaseFile } from '../src/summaries/index';
import { figure, mib, type Figure } from './figures';

const TODAY = '2026-03-10';
const RUNS = Number(process.env.BENCH_SUMMARY_RUNS ?? 20);

/** Thomas's case file, topped up to `documents` documents with long letters made of the file's own notes. */
export function benchCaseFile(documents = 30): CaseFile {
  const data = buildThomas({ today: TODAY, kle: KleCatalog.load(), baseUrl: 'http://127.0.0.1:8787' });
  const rehab = data.records.cases.find((c) => c.kle.code === '15.17.18')!;
  const own = data.records.documents.filter((d) => d.caseId === rehab.id);
  const extra: Document[] = Array.from({ length: Math.max(0, documents - own.length) }, (_, i) => ({
    type: 'document',
    id: `bench-letter-${i}`,
    version: 1,
    updatedAt: `2026-02-0${i + 1}T10:00:00Z`,
    kind: 'document',
    caseId: rehab.id,
    title: `Brev ${i + 1} om rehabiliteringsforløbet`,
    date: `2026-02-0${i + 1}`,
    direction: 'outgoing',
    content: { format: 'text', text: [...REHAB_NOTES.slice(i * 5), ...REHAB_NOTES.slice(0, i * 5)].join(' ') },
  }));
  return {
    case: rehab,
    decisions: data.records.decisions.filter((d) => d.caseId === rehab.id),
    activities: data.records.activities.filter((a) => a.caseId === rehab.id),
    documents: [...own, ...extra],
  };
}

const time = (work: () => void): number => {
  const started = performance.now();
  work();
  return performance.now() - started;
};

export function summaryFigures(): Figure[] {
  const file = benchCaseFile(30);
  const texts = file.documents.map((d) => (d.content.format === 'text' ? d.content.text : ''));
  const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
  summariseCase(file, { today: TODAY, language: 'da' }); // warm-up: compiles the code once
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const summarise: number[] = [];
  const split: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    summarise.push(time(() => summariseCase(file, { today: TODAY, language: 'da' })));
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    split.push(time(() => texts.forEach((t) => splitSentences(t))));
  }
  const result = figure(`summarise a case of ${file.documents.length} documents (${(bytes / 1024).toFixed(0)} KiB text)`, summarise, {
    name: 'split the same texts into sentences',
    ms: split,
    goal: { ms: 500 },
  });
  result.detail = `heap growth over the runs ≤ ${mib(heapPeak - heapBefore)}`;
  return [figure('split the same texts into sentences', split), result];
}
