// State of one server-side list: filters, keyword, sort, paging, the current page of
// rows and their total. Only the latest request's answer is kept.
import { reactive, ref, shallowRef } from 'vue';
import { api } from '@/shared/api';
import type { Query } from '@/shared/api/client';
import type { Page } from '@/shared/api/types';

export const PAGE_SIZES = [20, 50, 100, 200];

export interface SortChange {
  prop: string | null;
  order: 'ascending' | 'descending' | null;
}

export function useListQuery<T, F extends Record<string, unknown>>(path: string, initialFilters: F) {
  const filters = reactive({ ...initialFilters }) as F;
  const state = reactive({ q: '', page: 1, pageSize: PAGE_SIZES[0], sort: '' });
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const loading = ref(false);
  /** True once the first answer (or failure) arrived: end-to-end tests wait on it. */
  const loaded = ref(false);
  let seq = 0;

  /** The filters as query parameters (what export uses: no paging). */
  function filterQuery(): Query {
    return { q: state.q, sort: state.sort, ...(filters as Query) };
  }

  function query(): Query {
    return { ...filterQuery(), page: state.page, page_size: state.pageSize };
  }

  /** `quiet`: refresh in place without the loading mask (live updates). */
  async function load(quiet = false): Promise<void> {
    const mine = ++seq;
    if (!quiet) loading.value = true;
    try {
      const res = await api.get<Page<T>>(path, query());
      if (mine !== seq) return;
      items.value = res.items;
      total.value = res.total;
    } catch {
      if (mine === seq && !quiet) items.value = [];
    } finally {
      if (mine === seq) {
        loading.value = false;
        loaded.value = true;
      }
    }
  }

  function search(): Promise<void> {
    state.page = 1;
    return load();
  }

  function reset(): Promise<void> {
    Object.assign(filters, initialFilters);
    state.q = '';
    state.sort = '';
    return search();
  }

  function onSort({ prop, order }: SortChange): void {
    state.sort = prop && order ? `${order === 'descending' ? '-' : ''}${prop}` : '';
    void search();
  }

  function onPage(page: number): void {
    state.page = page;
    void load();
  }

  function onPageSize(size: number): void {
    state.pageSize = size;
    void search();
  }

  return { filters, state, items, total, loading, loaded, load, search, reset, onSort, onPage, onPageSize, filterQuery };
}
