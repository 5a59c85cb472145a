/**
 * BehaviorSpace "table" output: one row per run × recorded tick, with the columns
 * [run number], the design's parameters (value-set order), [step], then the metrics.
 * NetLogo's preamble (file name, date, world size) is left out so the file is byte-stable and
 * loads directly as a data frame; run numbers are 1-based as in BehaviorSpace.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvRow } from '../output/csv-format';
import { recordedTicks } from '../output/run-csv';
import type { ParamValue } from '../sim-lib';

export interface TableRunOutput {
  ticks: number;
  series: Record<string, ReadonlyArray<number | null>>;
}

// Rows are buffered into chunks of about this many characters to keep write calls few.
const CHUNK = 1 << 20;

export class TableWriter {
  private readonly fd: number;
  private buffer = '';

  constructor(
    path: string,
    private readonly paramNames: readonly string[],
    private readonly metrics: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.buffer = csvRow(['[run number]', ...paramNames, '[step]', ...metrics]);
  }

  writeRun(runNumber: number, params: Readonly<Record<string, ParamValue>>, output: TableRunOutput): void {
    const length = Math.max(0, ...this.metrics.map((m) => output.series[m]?.length ?? 0));
    const ticks = recordedTicks(output, length);
    const prefix = [runNumber, ...this.paramNames.map((p) => params[p])];
    for (let i = 0; i < length; i++) {
      this.buffer += csvRow([...prefix, ticks[i], ...this.metrics.map((m) => output.series[m]?.[i] ?? null)]);
      if (this.buffer.length >= CHUNK) this.flush();
    }
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
