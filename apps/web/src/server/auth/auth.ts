import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { apiKey } from '@better-auth/api-key';
import { env } from '../../env';
import { getDb } from '../db';
import { logger } from '../logger';

export const API_TOKEN_PREFIX = 'p2pv_';

function createAuth() {
  return betterAuth({
    appName: 'P2Pvalue',
    logger: {
      level: 'warn',
      log: (level, message, ...args) => {
        // A wrong or revoked token is an expected outcome, not an error of ours.
        const effective = message.startsWith('Failed to validate API key') ? 'debug' : level;
        logger[effective]({ args: args.length > 0 ? args : undefined }, `[auth] ${message}`);
      },
    },
    baseURL: env.PUBLIC_URL,
    secret: env.BETTER_AUTH_SECRET,
    database: prismaAdapter(getDb(), { provider: 'postgresql' }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
    },
    user: {
      additionalFields: {
        // Roles are granted by staff through the admin page, never chosen at sign-up.
        role: { type: 'string', required: false, defaultValue: 'member', input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: env.AUTH_SIGNIN_RATE_LIMIT },
        '/sign-up/email': { window: 60, max: env.AUTH_SIGNIN_RATE_LIMIT },
      },
    },
    advanced: {
      useSecureCookies: env.BEHIND_TLS,
      cookiePrefix: 'p2pv',
    },
    plugins: [
      apiKey({
        defaultPrefix: API_TOKEN_PREFIX,
        enableMetadata: true,
        rateLimit: { enabled: false },
      }),
      nextCookies(),
    ],
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { __p2pvAuth?: Auth };

/** The better-auth instance (one per process). */
export function getAuth(): Auth {
  holder.__p2pvAuth ??= createAuth();
  return holder.__p2pvAuth;
}
