// Types of the modules the knowledge plugin (shared/compiler/vite-plugin-kb.ts) generates.
/* eslint-disable @typescript-eslint/consistent-type-imports -- ambient modules cannot use relative import statements */
declare module 'virtual:kb' {
  const bundle: import('./kb/types').KnowledgeBundle;
  export default bundle;
}

declare module 'virtual:kb/detect' {
  const kit: import('./kb/detect-kit').DetectKit;
  export default kit;
}
