// The page pool's thread entry when Gaung runs from its TypeScript sources (through tsx).
//
// Piscina loads a worker file with require() first. Given the .ts file and tsx's require hook, the thread ran
// the whole extraction and analysis code as CommonJS, where every use of another module's export (even a
// constant such as chars.ts's LETTER) is a getter call: about a tenth of a thread's time. This plain module is
// found by import() (require() cannot load it), and loads the worker and everything it imports as ES modules.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./page.worker.ts', import.meta.url);
export default worker.default;
