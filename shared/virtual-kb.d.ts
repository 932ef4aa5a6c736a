// Types of the modules the knowledge plugin (shared/compiler/vite-plugin-kb.ts) generates.
declare module 'virtual:kb' {
  const bundle: import('./kb/types').KnowledgeBundle;
  export default bundle;
}

declare module 'virtual:kb/detect' {
  const kit: import('./kb/detect-kit').DetectKit;
  export default kit;
}
