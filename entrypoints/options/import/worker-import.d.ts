// Vite's `?worker` imports: the module is bundled as a separate worker script.
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
