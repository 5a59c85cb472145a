// Server components only: calls procedures as the signed-in viewer, with the same access rules as the API.
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { createCaller } from '~/server/trpc/root';
import { createContextInner } from '~/server/trpc/context';
import { getViewer } from '~/lib/server/viewer';

export async function serverCaller() {
  const viewer = await getViewer();
  return { viewer, api: createCaller(createContextInner({ viewer })) };
}

/** Absence and "may not see" both render the 404 page, so private things do not leak. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}
