import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '~/server/trpc/root';

export type AppClientError = TRPCClientError<AppRouter>;

/** What the server's error formatter adds: the domain error code and zod field errors. */
export interface ErrorDetails {
  message: string;
  appCode: string | null;
  httpStatus: number | null;
  fieldErrors: Record<string, string[] | undefined> | null;
}

export function isAppClientError(error: unknown): error is AppClientError {
  return error instanceof TRPCClientError;
}

/** Normalises anything a query or mutation can throw into something a form can show. */
export function errorDetails(error: unknown): ErrorDetails {
  if (isAppClientError(error) && error.data) {
    const data = error.data;
    if (data?.httpStatus === 429) {
      return { message: 'Too many requests. Wait a minute and try again.', appCode: data.appCode, httpStatus: 429, fieldErrors: null };
    }
    return {
      message: error.message || 'Something went wrong.',
      appCode: data.appCode,
      httpStatus: data.httpStatus,
      fieldErrors: data.fieldErrors,
    };
  }
  // No error shape from the server: the request never got an answer (offline, server restarting).
  return { message: 'Could not reach the server. Check your connection and try again.', appCode: null, httpStatus: null, fieldErrors: null };
}
