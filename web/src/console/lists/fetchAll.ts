// Every page of a paged list (page_size 200), for maps and print layouts that need the
// whole set rather than a screenful.
import { api } from '@/shared/api';
import type { Query } from '@/shared/api/client';
import type { Page } from '@/shared/api/types';

export async function fetchAllPages<T>(path: string, query: Query = {}, maxPages = 50): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const res = await api.get<Page<T>>(path, { ...query, page, page_size: 200 }, { silent: true });
    out.push(...res.items);
    if (out.length >= res.total || res.items.length === 0) break;
  }
  return out;
}
