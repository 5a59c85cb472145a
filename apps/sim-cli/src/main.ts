/** Entry point of the p2pv-sim binary (see cli.ts). */
import { main } from './cli';

process.exitCode = await main(process.argv.slice(2));
