'use client';

import { useEffect, useRef, useState } from 'react';
import type { Fidelity, ParamValue, Variant } from '@p2pvalue/sim';
import type { PreviewCommand, PreviewMessage, PreviewMetric } from './preview-protocol';

export interface PreviewInput {
  params: Record<string, ParamValue>;
  variant: Variant;
  fidelity: Fidelity;
  seed: number;
  ticks: number;
}

export interface PreviewState {
  status: 'idle' | 'waiting' | 'running' | 'done' | 'error' | 'unsupported';
  tick: number;
  ticks: number;
  stopReason: string | null;
  error: string | null;
  series: Partial<Record<PreviewMetric, Array<number | null>>>;
}

const IDLE: PreviewState = { status: 'idle', tick: 0, ticks: 0, stopReason: null, error: null, series: {} };

/**
 * Runs `input` in a Web Worker, `debounceMs` after it last changed, and animates its series as
 * they arrive. A change while a run is in progress replaces it; `null` input (an invalid design)
 * stops the run. Nothing leaves the browser.
 */
export function usePreview(input: PreviewInput | null, debounceMs = 400): PreviewState {
  const workerRef = useRef<Worker | null>(null);
  const requestId = useRef(0);
  const [state, setState] = useState<PreviewState>(IDLE);
  const key = input ? JSON.stringify(input) : null;

  useEffect(() => {
    if (typeof Worker === 'undefined') {
      setState({ ...IDLE, status: 'unsupported' });
      return;
    }
    const worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module', name: 'simulation-preview' });
    workerRef.current = worker;
    worker.onmessage = (event: MessageEvent<PreviewMessage>) => {
      const message = event.data;
      if (message.id !== requestId.current) return;
      if (message.type === 'error') setState((s) => ({ ...s, status: 'error', error: message.message }));
      else if (message.type === 'progress') setState((s) => ({ ...s, status: 'running', tick: message.tick, series: message.series }));
      else setState((s) => ({ ...s, status: 'done', tick: message.tick, stopReason: message.stopReason, series: message.series }));
    };
    worker.onerror = (event) => setState((s) => ({ ...s, status: 'error', error: event.message || 'The preview stopped unexpectedly.' }));
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const worker = workerRef.current;
    if (!worker) return;
    const id = ++requestId.current;
    if (key === null) {
      worker.postMessage({ type: 'cancel' } satisfies PreviewCommand);
      setState((s) => (s.status === 'unsupported' ? s : { ...s, status: 'idle' }));
      return;
    }
    setState((s) => ({ ...s, status: 'waiting' }));
    const timer = setTimeout(() => {
      const request = JSON.parse(key) as PreviewInput;
      setState((s) => ({ ...s, ticks: request.ticks, stopReason: null, error: null }));
      worker.postMessage({ type: 'run', id, ...request } satisfies PreviewCommand);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [key, debounceMs]);

  return state;
}
