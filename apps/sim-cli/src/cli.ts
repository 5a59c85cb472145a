/**
 * p2pv-sim: command-line runner for the P2Pvalue agent-based model.
 * Usage errors print exactly one line on stderr and exit with code 2.
 * `main` returns the exit code instead of exiting, so that tests can call it in-process.
 */
import { CliError, FAILURE_EXIT_CODE, USAGE_EXIT_CODE, oneLine } from './cli-error';
import { printStacks } from './env';
import { EXPERIMENT_USAGE, experimentCommand } from './commands/experiment-command';
import { EXPERIMENTS_USAGE, experimentsCommand } from './commands/experiments-command';
import { RESUME_USAGE, resumeCommand } from './commands/resume-command';
import { RUN_USAGE, runCommand } from './commands/run-command';

const HELP = [
  'p2pv-sim: run the P2Pvalue CBPP community model',
  '',
  'Commands:',
  `  p2pv-sim ${RUN_USAGE}`,
  `  p2pv-sim ${RESUME_USAGE}`,
  `  p2pv-sim ${EXPERIMENTS_USAGE}`,
  `  p2pv-sim ${EXPERIMENT_USAGE}`,
  '',
  'Exit codes: 0 success, 1 run failure, 2 usage error (one line on stderr).',
  '',
].join('\n');

async function dispatch(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      runCommand(rest);
      return;
    case 'resume':
      resumeCommand(rest);
      return;
    case 'experiments':
      experimentsCommand(rest);
      return;
    case 'experiment':
      return experimentCommand(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(HELP);
      return;
    default:
      throw new CliError(`unknown command ${JSON.stringify(command)}; expected run, resume, experiments or experiment`);
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    await dispatch(argv);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`p2pv-sim: ${oneLine(e.message)}\n`);
      return USAGE_EXIT_CODE;
    }
    process.stderr.write(`p2pv-sim: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    if (printStacks && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return FAILURE_EXIT_CODE;
  }
}
