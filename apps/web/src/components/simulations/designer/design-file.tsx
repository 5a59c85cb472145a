'use client';

import { useState, type ChangeEvent } from 'react';
import { Download, Upload } from 'lucide-react';
import type { TExperimentDesignInput } from '@p2pvalue/platform/experiment-design';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card';
import { Label } from '~/components/ui/label';
import { exportableDesign, parseImportedDesigns, type DesignCheck } from './design-state';

const MAX_IMPORT_BYTES = 1_000_000;

function fileName(name: string): string {
  const base = name.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base || 'experiment'}.json`;
}

/** Import and export of a design as JSON, in the shape of an experiments.json entry. */
export function DesignFile({ check, onImport }: { check: DesignCheck; onImport: (design: TExperimentDesignInput) => void }) {
  const [pasted, setPasted] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [choices, setChoices] = useState<TExperimentDesignInput[] | null>(null);
  const json = check.ok ? JSON.stringify(exportableDesign(check), null, 2) : null;

  function load(text: string) {
    const result = parseImportedDesigns(text);
    if ('error' in result) {
      setChoices(null);
      setMessage({ ok: false, text: result.error });
      return;
    }
    if (result.designs.length > 1) {
      setChoices(result.designs);
      setMessage({ ok: true, text: `The file holds ${result.designs.length} experiments: pick one.` });
      return;
    }
    pick(result.designs[0] as TExperimentDesignInput);
  }

  function pick(design: TExperimentDesignInput) {
    setChoices(null);
    onImport(design);
    setMessage({ ok: true, text: `Imported “${design.name}”.` });
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({ ok: false, text: 'The file is larger than 1 MB; a design is a few kilobytes.' });
      return;
    }
    load(await file.text());
  }

  function download() {
    if (!json || !check.ok) return;
    const url = URL.createObjectURL(new Blob([json + '\n'], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName(check.design.name);
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Design file</CardTitle>
        <CardDescription>
          The same JSON as the entries of the original <code className="font-mono text-xs">experiments.json</code>, also accepted by <code className="font-mono text-xs">POST /api/v1/experiments</code> and <code className="font-mono text-xs">p2pv-sim</code>.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={download} disabled={!json} data-testid="export-design">
            <Download aria-hidden="true" className="size-4" /> Export JSON
          </Button>
          <Button variant="outline" asChild>
            <label className="cursor-pointer">
              <Upload aria-hidden="true" className="size-4" /> Import a file
              <input type="file" accept="application/json,.json" className="sr-only" onChange={onFile} aria-label="Import a design file" />
            </label>
          </Button>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="design-paste">Or paste a design</Label>
          <textarea
            id="design-paste"
            rows={4}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            placeholder='{ "name": "…", "repetitions": 2, "steps": 400, "enumerated": { … } }'
            className="min-w-0 rounded-md border border-input bg-background px-3 py-2 font-mono text-xs"
          />
          <div>
            <Button variant="secondary" size="sm" disabled={pasted.trim() === ''} onClick={() => load(pasted)}>
              Load pasted design
            </Button>
          </div>
        </div>
        {choices ? (
          <ul className="grid gap-1.5" aria-label="Experiments in the file">
            {choices.map((design, i) => (
              <li key={`${design.name}-${i}`}>
                <Button variant="outline" size="sm" onClick={() => pick(design)} className="max-w-full truncate">
                  {design.name}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        {message ? (
          <Alert variant={message.ok ? 'success' : 'destructive'} title={message.ok ? undefined : 'Not imported'}>
            {message.text}
          </Alert>
        ) : null}
        {json ? (
          <details className="min-w-0">
            <summary className="cursor-pointer text-sm text-muted-foreground">Show the JSON</summary>
            {/* Focusable: it scrolls, and keyboard users must be able to scroll it too. */}
            <pre className="mt-2 max-h-72 overflow-auto rounded-md bg-muted p-3 font-mono text-xs" data-testid="design-json" tabIndex={0}>
              {json}
            </pre>
          </details>
        ) : null}
      </CardContent>
    </Card>
  );
}
