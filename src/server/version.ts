import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-root';
import { z } from 'zod';

const packageJson = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')));

export const appVersion = packageJson.version;
