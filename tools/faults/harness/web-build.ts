import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from './processes';

/** Sources whose change needs a new production build (as scripts/start.sh decides). */
const SOURCES = ['apps/web/src', 'apps/web/next.config.ts', 'libs/platform/src', 'libs/directory/src', 'libs/shared/src', 'libs/db/src', 'libs/sim/src', 'package-lock.json'];

export function buildIsCurrent(repo: string, distDir: string): boolean {
  const buildId = join(repo, 'apps/web', distDir, 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const newer = spawnSync('find', [...SOURCES, '-newer', buildId, '-type', 'f', '-not', '-path', '*/generated/*', '-print', '-quit'], { cwd: repo, encoding: 'utf8' });
  return newer.status === 0 && newer.stdout.trim() === '';
}

/**
 * Builds the web app into `distDir` unless the build there is current (`npm test` runs this suite
 * after e2e, which has just built).
 */
export function ensureWebBuild(repo: string, distDir: string, env: NodeJS.ProcessEnv, log: (line: string) => void, options: { reuse?: boolean } = {}): void {
  if (options.reuse) {
    if (!existsSync(join(repo, 'apps/web', distDir, 'BUILD_ID'))) throw new Error(`--no-build: there is no build in apps/web/${distDir}`);
    log(`using the production build in apps/web/${distDir} as it is (--no-build)`);
    return;
  }
  if (buildIsCurrent(repo, distDir)) {
    log(`reusing the production build in apps/web/${distDir}`);
    return;
  }
  log(`building the web app into apps/web/${distDir} (a few minutes)…`);
  // Next rewrites these two for a custom dist folder; they are committed, so put them back.
  const touched = ['apps/web/tsconfig.json', 'apps/web/next-env.d.ts'].map((file) => join(repo, file));
  const before = touched.map((file) => readFileSync(file, 'utf8'));
  try {
    run('npm', ['run', '--silent', 'build'], { cwd: repo, env: { ...env, NEXT_DIST_DIR: distDir } });
  } finally {
    touched.forEach((file, i) => {
      if (readFileSync(file, 'utf8') !== before[i]) writeFileSync(file, before[i]!);
    });
  }
}
