// Reads `.env` from the folder briefbot is started in, if there is one, so the settings in
// .env.example can live in a file. Variables already set in the environment win. Tests
// (VITEST is set) never read it: a developer's own .env must not change what they check.
import { existsSync } from 'node:fs';

if (!process.env.VITEST && existsSync('.env')) {
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    process.stderr.write(`briefbot: cannot read .env: ${error.message}\n`);
    process.exit(2);
  }
}
