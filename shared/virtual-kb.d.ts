declare module 'virtual:kb' {
  import type { KnowledgeBundle } from './kb/types';
  const bundle: KnowledgeBundle;
  export default bundle;
}

declare module 'virtual:kb/detect' {
  import type { DetectKit } from './kb/detect-kit';
  const kit: DetectKit;
  export default kit;
}
