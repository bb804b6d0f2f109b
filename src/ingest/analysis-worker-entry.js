// A worker thread does not inherit the TypeScript loader the main thread registered:
// register it here, then run the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
