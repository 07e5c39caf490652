// Entry of tools/pack-builder.html; the logic lives in src/import/headless.ts, beside the pipeline it drives.
import { installPackBuilder } from '../src/import/headless';

installPackBuilder(window as unknown as Parameters<typeof installPackBuilder>[0]);
