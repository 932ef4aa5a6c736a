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

declare module 'virtual:kb/split' {
  type Load<T> = () => Promise<{ default: T }>;
  export const parts: readonly Load<import('./kb/split').CorePart>[];
  export const shards: readonly Load<import('./kb/split').ArticleShard>[];
  export const shardStarts: readonly number[];
}
