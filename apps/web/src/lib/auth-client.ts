import { createAuthClient } from 'better-auth/react';

// Same origin as the pages, so no baseURL: the client calls /api/auth/* on whatever host served it.
export const authClient = createAuthClient();
