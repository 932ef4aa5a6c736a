/**
 * The few extension APIs the tests call inside the browser (service worker, extension
 * pages). The repository has no @types/chrome; inside `evaluate` callbacks write
 * `const { chrome } = globalThis as unknown as Ext;`.
 */
export interface Ext {
  chrome: {
    scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
    tabs: { query(query: { url?: string; active?: boolean; lastFocusedWindow?: boolean }): Promise<{ id?: number }[]> };
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
    storage: {
      local: { set(items: Record<string, unknown>): Promise<void>; get(key: string): Promise<Record<string, unknown>> };
    };
    contextMenus: { update(id: string, properties: object): Promise<void> };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  };
}
