import type { Role } from './types';

/**
 * The app's pages, who may open each (the API refuses the others anyway) and its menu name.
 * Paths differ from the API's routes (the API serves this app for any other page a browser asks).
 */
export const PAGES = [
  { path: '/todo', zh: '我的待办', roles: ['lead'] },
  { path: '/supervision', zh: '督办台', roles: ['supervisor', 'admin'] },
  { path: '/overview', zh: '总览', roles: ['admin', 'supervisor', 'lead', 'viewer'] },
  { path: '/import', zh: '计划导入', roles: ['admin'] },
  { path: '/people', zh: '用户管理', roles: ['admin'] },
] as const satisfies readonly { path: string; zh: string; roles: readonly Role[] }[];

export type PagePath = (typeof PAGES)[number]['path'];

export function mayOpen(role: Role, path: PagePath): boolean {
  return (
    (PAGES.find((p) => p.path === path)?.roles as readonly Role[] | undefined)?.includes(role) ??
    false
  );
}

/** Where each role lands after signing in. */
export function homeOf(role: Role): PagePath {
  return role === 'lead' ? '/todo' : role === 'supervisor' ? '/supervision' : '/overview';
}
