// Small reference lists for filters and for naming ids in tables: the org tree (grids,
// units and every other org unit's name), departments and buildings. Fetched once per
// page load, and only when the user's permissions allow.
import { computed, shallowRef } from 'vue';
import { api } from '@/shared/api';
import type { Building, OrgTreeNode, OrgUnit, Page } from '@/shared/api/types';
import { useAuth } from '@/shared/auth';

export interface NamedNode {
  id: string;
  name: string;
  kind: string;
}

const tree = shallowRef<OrgTreeNode[]>([]);
const departments = shallowRef<OrgUnit[]>([]);
const buildings = shallowRef<Building[]>([]);
const started = new Set<string>();

async function fetchAll<T>(path: string, query: Record<string, string>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await api.get<Page<T>>(path, { ...query, page, page_size: 200 }, { silent: true });
    out.push(...res.items);
    if (out.length >= res.total || res.items.length === 0) break;
  }
  return out;
}

function once(key: string, job: () => Promise<void>): void {
  if (started.has(key)) return;
  started.add(key);
  job().catch(() => started.delete(key));
}

export function flattenTree(nodes: OrgTreeNode[]): NamedNode[] {
  const out: NamedNode[] = [];
  const walk = (list: OrgTreeNode[]) => list.forEach((n) => {
    out.push({ id: n.id, name: n.name, kind: n.kind });
    walk(n.children ?? []);
  });
  walk(nodes);
  return out;
}

const byName = (a: NamedNode, b: NamedNode) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true });

export function useLookups() {
  const auth = useAuth();
  if (auth.can('org.read')) {
    once('tree', async () => { tree.value = await api.get<OrgTreeNode[]>('/api/org-units/tree', undefined, { silent: true }); });
    once('departments', async () => { departments.value = await fetchAll<OrgUnit>('/api/org-units', { kind: 'department', sort: 'name' }); });
  }
  if (auth.can('building.read')) {
    once('buildings', async () => { buildings.value = await fetchAll<Building>('/api/buildings', { sort: 'name' }); });
  }
  const flat = computed(() => flattenTree(tree.value));
  const grids = computed(() => flat.value.filter((n) => n.kind === 'grid').sort(byName));
  const units = computed(() => flat.value.filter((n) => n.kind === 'unit').sort(byName));
  const names = computed(() => {
    const m = new Map<string, string>();
    for (const list of [flat.value, departments.value, buildings.value]) {
      for (const x of list) m.set(x.id, x.name);
    }
    return m;
  });
  const nameOf = (id: string | null | undefined): string => (id ? names.value.get(id) ?? '—' : '—');
  return { tree, grids, units, departments, buildings, nameOf };
}

/** Forget cached lists (after sign-out). */
export function resetLookups(): void {
  started.clear();
  tree.value = [];
  departments.value = [];
  buildings.value = [];
}
