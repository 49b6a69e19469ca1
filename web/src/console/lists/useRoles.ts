// The role catalogue from GET /api/roles (accepts a bare array or a paged envelope).
import { shallowRef } from 'vue';
import { api } from '@/shared/api';
import type { Role } from '@/shared/api/types';

const roles = shallowRef<Role[]>([]);
let started = false;

export function useRoles() {
  if (!started) {
    started = true;
    api
      .get<Role[] | { items: Role[] }>('/api/roles', undefined, { silent: true })
      .then((res) => { roles.value = Array.isArray(res) ? res : res.items ?? []; })
      .catch(() => { started = false; });
  }
  return roles;
}
