// The images listing the user came from (filters, sort, the ids loaded so far), kept in sessionStorage by the
// images grid, so the workspace's next/previous image follow the same listing.
export interface Listing {
  query: Record<string, string>;
  ids: string[];
  nextCursor: string | null;
}

const key = (projectId: string) => `annota.listing.${projectId}`;

export function rememberListing(projectId: string, listing: Listing, storage: Storage = sessionStorage): void {
  try {
    storage.setItem(key(projectId), JSON.stringify(listing));
  } catch {
    // storage full or disabled: next/previous then fall back to the default listing
  }
}

export function recallListing(projectId: string, storage: Storage = sessionStorage): Listing | null {
  try {
    const raw = storage.getItem(key(projectId));
    return raw ? (JSON.parse(raw) as Listing) : null;
  } catch {
    return null;
  }
}

/** The ids before and after {@code current} in {@code ids} (undefined at either end or when absent). */
export function neighbourIds(ids: readonly string[], current: string): { prev?: string; next?: string; at: number } {
  const at = ids.indexOf(current);
  if (at < 0) return { at };
  return { prev: ids[at - 1], next: ids[at + 1], at };
}
