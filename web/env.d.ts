// Ambient declarations shared by both apps.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

declare module 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url' {
  const url: string;
  export default url;
}

interface Window {
  /** The buildings map, exposed so end-to-end tests can query it. */
  __jbMap?: import('maplibre-gl').Map;
}
