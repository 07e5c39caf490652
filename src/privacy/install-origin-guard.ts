/**
 * Imported first by every worker (before any module that could fetch), so the origin guard is in
 * place before their code runs: ES modules evaluate their imports in order, depth first.
 */
import { installOriginGuard } from './origin-guard';

installOriginGuard();
