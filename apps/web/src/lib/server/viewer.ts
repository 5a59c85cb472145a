// Server components only: reads the request headers.
import { cache } from 'react';
import { headers } from 'next/headers';
import { resolveViewer, type Viewer } from '~/server/auth/viewer';

/** The signed-in user for this request, resolved once per render however many components ask. */
export const getViewer = cache(async (): Promise<Viewer | null> => resolveViewer(await headers()));

export type { Viewer };
