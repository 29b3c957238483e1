// Command-line entry point (`npm run cli -- <command>`), run by tsx straight from the sources.
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
