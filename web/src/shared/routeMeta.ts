// Route meta fields used by both apps' routers.
export {};

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (login). */
    public?: boolean;
    /** Account pages a user with a pending password change / TOTP enrolment may see. */
    account?: boolean;
    /** Permission from Me.permissions needed to open the page (console). */
    permission?: string;
    /** Navigation key (console) → data-testid page-<key>. */
    key?: string;
    /** Bottom tab the page belongs to (guard app). */
    tab?: string;
  }
}
