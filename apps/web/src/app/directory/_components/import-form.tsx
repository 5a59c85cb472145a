'use client';

import { useRef, useState, type FormEvent } from 'react';
import type { ImportReport } from '@p2pvalue/directory';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Label } from '~/components/ui/label';

type Line = { type: 'progress'; phase: string; rows: number } | { type: 'report'; report: ImportReport } | { type: 'error'; message: string };

interface Progress {
  uploaded: number;
  phase: string;
  rows: number;
}

/** Streams the file to the importer with XHR (upload progress) and reads its NDJSON progress lines. */
function sendCsv(file: File, options: { dryRun: boolean; skipInvalid: boolean; strict: boolean }, onProgress: (p: Partial<Progress>) => void): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const params = new URLSearchParams({ dryRun: options.dryRun ? '1' : '0', skipInvalid: options.skipInvalid ? '1' : '0', strict: options.strict ? '1' : '0' });
    xhr.open('POST', `/api/uploads/directory-import?${params}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    let seen = 0;
    let report: ImportReport | null = null;
    let failure: string | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const raw of text.slice(seen, end).split('\n')) {
        if (!raw.trim()) continue;
        const line = JSON.parse(raw) as Line;
        if (line.type === 'progress') onProgress({ phase: line.phase, rows: line.rows });
        else if (line.type === 'report') report = line.report;
        else failure = line.message;
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ uploaded: event.loaded / event.total });
    };
    xhr.onprogress = () => {
      if (xhr.status === 200) readLines();
    };
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let message = `The server answered ${xhr.status}.`;
        try {
          message = (JSON.parse(xhr.responseText) as { message?: string; error?: { message?: string } }).message ?? message;
        } catch {
          /* not JSON */
        }
        reject(new Error(message));
        return;
      }
      readLines();
      if (report) resolve(report);
      else reject(new Error(failure ?? 'The import ended without a report.'));
    };
    xhr.onerror = () => reject(new Error('Could not reach the server. Check your connection and try again.'));
    xhr.send(file);
  });
}

export function ImportForm() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [strict, setStrict] = useState(false);
  const [busy, setBusy] = useState<'dry-run' | 'import' | null>(null);
  const [progress, setProgress] = useState<Progress>({ uploaded: 0, phase: '', rows: 0 });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(dryRun ? 'dry-run' : 'import');
    setError(null);
    setReport(null);
    setProgress({ uploaded: 0, phase: 'uploading', rows: 0 });
    try {
      setReport(await sendCsv(file, { dryRun, skipInvalid, strict }, (p) => setProgress((current) => ({ ...current, ...p }))));
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(null);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void run(true);
  }

  const canImport = report !== null && report.status === 'dry-run' && (report.invalid === 0 || skipInvalid);
  const percent = Math.round(progress.uploaded * 100);

  return (
    <div className="grid gap-6">
      <form onSubmit={onSubmit} className="grid gap-4 rounded-lg border bg-card p-4">
        <div className="grid gap-2">
          <Label htmlFor="import-file">CSV file in the 2016 directory layout</Label>
          <input
            ref={input}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
            }}
            className="text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5"
          />
          <p className="text-xs text-muted-foreground">Up to 20 MB. Cases are matched by their Nid: importing the same file twice changes nothing.</p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={skipInvalid}
            onChange={(e) => {
              // the report answers the other choice: check the file again
              setSkipInvalid(e.target.checked);
              setReport(null);
            }}
          />{' '}
          Import the valid rows even if some are invalid
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={strict}
            onChange={(e) => {
              setStrict(e.target.checked);
              setReport(null);
            }}
          />{' '}
          Strict: only existing taxonomy terms; refuse a byte-order mark and Windows (CRLF) line endings
        </label>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="outline" disabled={!file || busy !== null}>
            {busy === 'dry-run' ? 'Checking…' : '1. Check the file (dry run)'}
          </Button>
          <Button onClick={() => void run(false)} disabled={!file || !canImport || busy !== null}>
            {busy === 'import' ? 'Importing…' : '2. Import'}
          </Button>
        </div>
        {busy ? (
          <div className="grid gap-1" aria-live="polite">
            <progress className="h-2 w-full accent-primary" max={100} value={percent} aria-label="Upload progress">
              {percent}%
            </progress>
            <p className="text-xs text-muted-foreground">
              {percent < 100 ? `Uploading… ${percent}%` : `${progress.phase === 'writing' ? 'Writing' : 'Reading'}… ${progress.rows} rows`}
            </p>
          </div>
        ) : null}
      </form>
      {error ? <Alert variant="destructive" title={error} /> : null}
      {report ? <ImportReportView report={report} /> : null}
    </div>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const ok = report.status !== 'failed';
  return (
    <section className="grid gap-4" aria-labelledby="report-heading" data-testid="import-report">
      <h2 id="report-heading" className="text-lg font-semibold">
        Import report
      </h2>
      <Alert variant={ok ? 'success' : 'destructive'} title={report.summary} />
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        {(
          [
            ['Rows', report.rows],
            ['Created', report.created],
            ['Updated', report.updated],
            ['Unchanged', report.unchanged],
            ['Invalid', report.invalid],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded-lg border p-3">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {report.notes.length > 0 ? (
        <ul className="list-disc pl-5 text-sm text-muted-foreground">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {report.errors.length > 0 ? (
        <div className="overflow-x-auto" tabIndex={0}>
          <table className="w-full text-sm">
            <caption className="mb-2 text-left font-medium">Invalid rows</caption>
            <thead>
              <tr className="border-b text-left text-xs text-muted-foreground">
                <th className="py-1 pr-3">Row</th>
                <th className="py-1 pr-3">Nid</th>
                <th className="py-1 pr-3">Column</th>
                <th className="py-1">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((error, index) => (
                <tr key={index} className="border-b last:border-0">
                  <td className="py-1 pr-3 tabular-nums">{error.row}</td>
                  <td className="py-1 pr-3 tabular-nums">{error.nid ?? '—'}</td>
                  <td className="py-1 pr-3">{error.column ?? '—'}</td>
                  <td className="py-1">{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.termsCreated.length > 0 ? (
        <p className="text-sm">
          <span className="font-medium">New taxonomy terms:</span> {report.termsCreated.map((term) => `${term.label} (${term.vocabulary})`).join(', ')}
        </p>
      ) : null}
      {report.changes.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm text-primary">{report.changes.length} cases change</summary>
          <ul className="mt-2 grid gap-1 text-sm">
            {report.changes.slice(0, 200).map((change) => (
              <li key={change.nid}>
                {change.action === 'created' ? 'New' : 'Updated'}: {change.name} {change.fields.length > 0 && change.action === 'updated' ? <span className="text-muted-foreground">({change.fields.join(', ')})</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
